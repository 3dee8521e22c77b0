//! Components in a real browser (wasm-bindgen-test in headless Chromium):
//! each test mounts components with Leptos's `mount_to`, acts as a learner
//! would, waits for Leptos to render (`tick`), and checks what shows.
#![cfg(target_arch = "wasm32")]

use branch_to_prod::links::try_it;
use branch_to_prod::pages::sheet::SheetBlocks;
use branch_to_prod::workspace::{Layout, Workspace, WorkspaceState};
use engine::World;
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn new_host() -> web_sys::HtmlElement {
    let host = document().create_element("section").unwrap().unchecked_into::<web_sys::HtmlElement>();
    document().body().unwrap().append_child(&host).unwrap();
    host
}

/// A fresh sandbox's panels, mounted (they stay for the test's life).
async fn mount_sandbox() -> web_sys::HtmlElement {
    let host = new_host();
    let ws = WorkspaceState::new(World::new());
    mount_to(host.clone(), move || view! { <Router><Workspace ws=ws layout=Layout::Sandbox /></Router> }).forget();
    tick().await;
    host
}

fn query(host: &web_sys::HtmlElement, sel: &str) -> web_sys::HtmlElement {
    host.query_selector(sel).unwrap().unwrap_or_else(|| panic!("no {sel}")).unchecked_into()
}

fn count(host: &web_sys::HtmlElement, sel: &str) -> u32 {
    host.query_selector_all(sel).unwrap().length()
}

#[wasm_bindgen_test]
async fn new_commit_button_commits_and_redraws_the_graph() {
    let host = mount_sandbox().await;
    assert_eq!(count(&host, "[data-commit]"), 1);
    query(&host, "[data-testid=new-commit]").click();
    tick().await;
    assert_eq!(count(&host, "[data-commit]"), 2);
    let output = query(&host, "[data-testid=terminal-output]").text_content().unwrap();
    assert!(output.contains("git commit --allow-empty -m 'Commit 2'"), "{output}");
    assert!(output.contains("] Commit 2"), "{output}");
    // The HEAD label moved to the new commit; development stayed behind.
    let head = query(&host, "[data-head=true]");
    assert_eq!(head.get_attribute("data-branch").as_deref(), Some("main"));
    let dev = query(&host, "[data-branch=development]");
    let dev_commit = dev.closest("[data-commit]").unwrap().unwrap();
    let head_commit = head.closest("[data-commit]").unwrap().unwrap();
    assert_ne!(dev_commit.get_attribute("data-commit"), head_commit.get_attribute("data-commit"));
}

#[wasm_bindgen_test]
async fn enter_in_the_terminal_runs_the_line() {
    let host = mount_sandbox().await;
    let input: web_sys::HtmlInputElement = query(&host, "[data-testid=terminal-input]").unchecked_into();
    input.set_value("git switch -c feature/x");
    input.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Enter");
    init.set_bubbles(true);
    input
        .dispatch_event(&web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap())
        .unwrap();
    tick().await;
    let output = query(&host, "[data-testid=terminal-output]").text_content().unwrap();
    assert!(output.contains("Switched to a new branch 'feature/x'"), "{output}");
    assert_eq!(input.value(), "", "the command line clears after Enter");
    assert_eq!(query(&host, "[data-head=true]").get_attribute("data-branch").as_deref(), Some("feature/x"));
}

fn press(input: &web_sys::HtmlInputElement, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    input
        .dispatch_event(&web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap())
        .unwrap();
}

fn type_line(input: &web_sys::HtmlInputElement, line: &str) {
    input.set_value(line);
    input.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
    press(input, "Enter");
}

#[wasm_bindgen_test]
async fn clear_empties_the_scrollback_but_arrow_up_still_recalls() {
    let host = mount_sandbox().await;
    let input: web_sys::HtmlInputElement = query(&host, "[data-testid=terminal-input]").unchecked_into();
    type_line(&input, "git status");
    tick().await;
    type_line(&input, "clear");
    tick().await;
    assert_eq!(count(&host, ".b2p-terminal__entry"), 0, "clear empties the scrollback");
    press(&input, "ArrowUp");
    assert_eq!(input.value(), "clear");
    press(&input, "ArrowUp");
    assert_eq!(input.value(), "git status", "history survives clear");
}

#[wasm_bindgen_test]
async fn the_promote_button_is_disabled_with_the_engines_reason() {
    let host = mount_sandbox().await;
    let promote = query(&host, "[data-server=production] [data-action=promote]");
    assert!(promote.has_attribute("disabled"));
    assert_eq!(promote.get_attribute("title").as_deref(), Some("Production already runs what staging runs"));
    let input: web_sys::HtmlInputElement = query(&host, "[data-testid=terminal-input]").unchecked_into();
    type_line(&input, "git commit --allow-empty -m release && git push origin main");
    tick().await;
    let promote = query(&host, "[data-server=production] [data-action=promote]");
    assert!(!promote.has_attribute("disabled"));
    assert_eq!(promote.get_attribute("title").as_deref(), Some("Runs: deploy production"));
}

#[wasm_bindgen_test]
async fn saving_a_file_in_the_editor_is_an_echo_the_terminal_shows() {
    let host = mount_sandbox().await;
    let text: web_sys::HtmlTextAreaElement = query(&host, "[data-testid=editor-text]").unchecked_into();
    assert!(text.value().contains("\"greeting\""), "intents.json is open: {}", text.value());
    text.set_value("{}\n");
    text.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
    query(&host, "[data-testid=editor-save]").click();
    tick().await;
    let output = query(&host, "[data-testid=terminal-output]").text_content().unwrap();
    assert!(output.contains("echo '{}' > intents.json"), "{output}");
    let option = query(&host, "[data-testid=editor-file] option[value='intents.json']");
    assert!(option.text_content().unwrap().contains("[M]"), "{:?}", option.text_content());
}

#[wasm_bindgen_test]
async fn the_scrollback_keeps_the_newest_entries_and_all_the_history() {
    let host = mount_sandbox().await;
    let input: web_sys::HtmlInputElement = query(&host, "[data-testid=terminal-input]").unchecked_into();
    let n = branch_to_prod::panels::terminal::SCROLLBACK + 5;
    for i in 0..n {
        type_line(&input, &format!("echo line-{i}"));
        tick().await;
    }
    assert_eq!(count(&host, ".b2p-terminal__entry") as usize, branch_to_prod::panels::terminal::SCROLLBACK);
    let output = query(&host, "[data-testid=terminal-output]").text_content().unwrap();
    assert!(output.contains(&format!("line-{}", n - 1)), "the newest entry is shown");
    let oldest = query(&host, ".b2p-terminal__entry .b2p-terminal__line").text_content().unwrap();
    assert_eq!(oldest, "$ echo line-5", "the five oldest left the page");
    press(&input, "ArrowUp");
    assert_eq!(input.value(), format!("echo line-{}", n - 1), "↑ still recalls");
}

fn set_field(host: &web_sys::HtmlElement, sel: &str, value: &str) {
    let el = query(host, sel);
    if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        i.set_value(value);
    } else if let Some(s) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        s.set_value(value);
    }
}

#[wasm_bindgen_test]
async fn a_form_runs_its_line_and_the_console_explains_the_answer() {
    let host = mount_sandbox().await;
    set_field(&host, "form[data-form=branch] [name=name]", "feature/new-chatbot-intent");
    set_field(&host, "form[data-form=branch] [name=start]", "development");
    query(&host, "form[data-form=branch] button[type=submit]").click();
    tick().await;
    let line = query(&host, ".b2p-terminal__entry:last-child .b2p-terminal__line").text_content().unwrap();
    assert_eq!(line, "$ git checkout -b feature/new-chatbot-intent development");
    assert_eq!(
        query(&host, "[data-head=true]").get_attribute("data-branch").as_deref(),
        Some("feature/new-chatbot-intent")
    );
    let form = "[data-server=production] form[data-form=request]";
    set_field(&host, &format!("{form} [name=origin]"), "https://evil.example");
    query(&host, &format!("{form} button[type=submit]")).click();
    tick().await;
    let cors = query(&host, "[data-server=production] dd[data-key=CORS_ORIGINS]").text_content().unwrap();
    assert!(cors.starts_with("https://evil.example is not in CORS_ORIGINS="), "{cors}");
    let response = query(&host, "[data-server=production] [data-testid=console-response]").text_content().unwrap();
    assert!(!response.contains("access-control-allow-origin:"), "{response}");
    // The form is ready for the next request: its fields are back to their defaults.
    let origin: web_sys::HtmlInputElement = query(&host, &format!("{form} [name=origin]")).unchecked_into();
    assert_eq!(origin.value(), "");
}

#[wasm_bindgen_test]
async fn a_focused_button_keeps_focus_across_an_update() {
    let host = mount_sandbox().await;
    let commit = query(&host, "[data-testid=new-commit]");
    let undo = query(&host, "[data-testid=undo]");
    assert!(undo.has_attribute("disabled"), "nothing to undo yet");
    commit.focus().unwrap();
    commit.click();
    tick().await;
    // The toolbar's model changed (undo is enabled now); its buttons are
    // the same elements, and the focused one is still focused.
    assert!(!query(&host, "[data-testid=undo]").has_attribute("disabled"));
    assert!(query(&host, "[data-testid=new-commit]").is_same_node(Some(&commit)), "the button is the same element");
    assert!(query(&host, "[data-testid=undo]").is_same_node(Some(&undo)));
    assert!(document().active_element().is_some_and(|a| a.is_same_node(Some(&commit))), "focus stays");
}

#[wasm_bindgen_test]
async fn what_a_learner_types_is_text_never_html() {
    let host = mount_sandbox().await;
    let input: web_sys::HtmlInputElement = query(&host, "[data-testid=terminal-input]").unchecked_into();
    let evil = "<img src=x onerror=alert(1)><b>bold</b>";
    type_line(&input, &format!("git commit --allow-empty -m '{evil}'"));
    tick().await;
    type_line(&input, evil);
    tick().await;
    assert_eq!(count(&host, "img, b, script"), 0, "no element came from the text");
    let output = query(&host, "[data-testid=terminal-output]").text_content().unwrap();
    assert!(output.contains(evil), "{output}");
    let graph = query(&host, "[data-testid=commit-graph]").text_content().unwrap();
    assert!(graph.contains(evil), "the commit's subject is shown as typed: {graph}");
}

#[wasm_bindgen_test]
async fn a_sheet_draws_markup_as_text_and_try_it_keeps_the_line() {
    let text = "# T\n## <img src=x onerror=alert(1)>\n$ git commit -m \"<b>&amp; ü ~^= 'x'\"  # a `<i>note</i>`\n\
                | a | <script>alert(1)</script> |\n| 1 | 2 |\n";
    let sheet = engine::sheet::parse(text).unwrap();
    let host = new_host();
    let blocks = sheet.blocks.clone();
    // Its try-it links are the router's links.
    mount_to(host.clone(), move || view! { <Router><SheetBlocks blocks=blocks /></Router> }).forget();
    tick().await;
    assert_eq!(count(&host, "img, script, b, i"), 0, "{}", host.inner_html());
    assert_eq!(query(&host, "h2").text_content().unwrap(), "<img src=x onerror=alert(1)>");
    let href = query(&host, "[data-testid=try-it]").get_attribute("href").unwrap();
    let line = "git commit -m \"<b>&amp; ü ~^= 'x'\"";
    assert_eq!(href, try_it(line));
    // The browser reads the line back exactly.
    let (path, search) = href.split_once('?').unwrap();
    assert_eq!(path, "/sandbox");
    let params = web_sys::UrlSearchParams::new_with_str(search).unwrap();
    assert_eq!(params.get("try").as_deref(), Some(line));
    assert_eq!(query(&host, ".b2p-sheet__note code").text_content().unwrap(), "<i>note</i>");
}
