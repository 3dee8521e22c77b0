//! Components in a real browser (wasm-bindgen-test in headless Chromium).
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use branch_to_prod::markup::{Node, View, el};
use branch_to_prod::pages::Page;
use branch_to_prod::workspace::WorkspaceState;
use engine::{Action, World};
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

/// A fresh sandbox's panels; they live as long as the returned page.
fn mount_sandbox() -> (web_sys::HtmlElement, Page) {
    let host = new_host();
    let page = branch_to_prod::mount_workspace(&host, &WorkspaceState::new(World::new()));
    (host, page)
}

fn query(host: &web_sys::HtmlElement, sel: &str) -> web_sys::HtmlElement {
    host.query_selector(sel).unwrap().unwrap_or_else(|| panic!("no {sel}")).unchecked_into()
}

fn count(host: &web_sys::HtmlElement, sel: &str) -> u32 {
    host.query_selector_all(sel).unwrap().length()
}

#[wasm_bindgen_test]
async fn new_commit_button_commits_and_redraws_the_graph() {
    let (host, _page) = mount_sandbox();
    assert_eq!(count(&host, "[data-commit]"), 1);
    query(&host, "[data-testid=new-commit]").click();
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
    let (host, _page) = mount_sandbox();
    let input: web_sys::HtmlInputElement = query(&host, "[data-testid=terminal-input]").unchecked_into();
    input.set_value("git switch -c feature/x");
    input.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Enter");
    init.set_bubbles(true);
    input
        .dispatch_event(&web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap())
        .unwrap();
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
    let (host, _page) = mount_sandbox();
    let input: web_sys::HtmlInputElement = query(&host, "[data-testid=terminal-input]").unchecked_into();
    type_line(&input, "git status");
    type_line(&input, "clear");
    assert_eq!(count(&host, ".b2p-terminal__entry"), 0, "clear empties the scrollback");
    press(&input, "ArrowUp");
    assert_eq!(input.value(), "clear");
    press(&input, "ArrowUp");
    assert_eq!(input.value(), "git status", "history survives clear");
}

#[wasm_bindgen_test]
async fn the_promote_button_is_disabled_with_the_engines_reason() {
    let (host, _page) = mount_sandbox();
    let promote = query(&host, "[data-server=production] [data-action=promote]");
    assert!(promote.has_attribute("disabled"));
    assert_eq!(promote.get_attribute("title").as_deref(), Some("Production already runs what staging runs"));
    let input: web_sys::HtmlInputElement = query(&host, "[data-testid=terminal-input]").unchecked_into();
    type_line(&input, "git commit --allow-empty -m release && git push origin main");
    let promote = query(&host, "[data-server=production] [data-action=promote]");
    assert!(!promote.has_attribute("disabled"));
    assert_eq!(promote.get_attribute("title").as_deref(), Some("Runs: deploy production"));
}

#[wasm_bindgen_test]
async fn saving_a_file_in_the_editor_is_an_echo_the_terminal_shows() {
    let (host, _page) = mount_sandbox();
    let text: web_sys::HtmlTextAreaElement = query(&host, "[data-testid=editor-text]").unchecked_into();
    assert!(text.value().contains("\"greeting\""), "intents.json is open: {}", text.value());
    text.set_value("{}\n");
    text.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
    query(&host, "[data-testid=editor-save]").click();
    let output = query(&host, "[data-testid=terminal-output]").text_content().unwrap();
    assert!(output.contains("echo '{}' > intents.json"), "{output}");
    let option = query(&host, "[data-testid=editor-file] option[value='intents.json']");
    assert!(option.text_content().unwrap().contains("[M]"), "{:?}", option.text_content());
}

/// A panel showing `tree` (which the test changes, then redraws) beside a
/// sandbox's terminal.
fn mount_markup(tree: Rc<RefCell<Node>>) -> (web_sys::HtmlElement, Page, Rc<dyn View>) {
    let host = new_host();
    let ws = WorkspaceState::new(World::new());
    let mut page = Page::default();
    let panel = page.panel(&host, Some(&ws), move || tree.borrow().clone()).unwrap();
    branch_to_prod::panels::terminal::terminal(&host, &ws, &mut page);
    (host, page, panel)
}

#[wasm_bindgen_test]
async fn markup_updates_in_place_and_keeps_the_focused_button() {
    let list = |items: &[&str], label: &str| -> Node {
        el("div")
            .child(el("ul").children(items.iter().map(|i| el("li").attr("data-item", *i).text(*i))))
            .child(el("button").attr("data-x", "1").text(label))
            .into()
    };
    let tree = Rc::new(RefCell::new(list(&["a", "b"], "Go")));
    let (host, _page, panel) = mount_markup(tree.clone());
    let button = query(&host, "button[data-x]");
    button.focus().unwrap();
    *tree.borrow_mut() = list(&["a", "c", "d"], "Went");
    panel.redraw();
    assert_eq!(count(&host, "li"), 3);
    assert_eq!(query(&host, "li:nth-child(2)").get_attribute("data-item").as_deref(), Some("c"));
    let after = query(&host, "button[data-x]");
    assert_eq!(after.text_content().as_deref(), Some("Went"));
    assert!(after.is_same_node(Some(&button)), "the button is the same element");
    assert!(document().active_element().is_some_and(|a| a.is_same_node(Some(&button))), "focus stays");
    *tree.borrow_mut() = list(&["a"], "Went");
    panel.redraw();
    assert_eq!(count(&host, "li"), 1, "removed items leave the DOM");
    // An attribute that goes away is removed.
    *tree.borrow_mut() = el("div").child(el("button").text("Went")).into();
    panel.redraw();
    assert!(!query(&host, "button").has_attribute("data-x"));
}

#[wasm_bindgen_test]
async fn markup_text_is_never_html_and_buttons_dispatch_their_action() {
    let tree = Rc::new(RefCell::new(Node::from(
        el("div").child(el("p").text("<img src=x onerror=alert(1)><b>bold</b>")).child(
            el("button").attr("data-testid", "go").text("Branch").on_click(Action::git(&["branch", "x"]).unwrap()),
        ),
    )));
    let (host, _page, _panel) = mount_markup(tree);
    assert_eq!(count(&host, "p img, p b"), 0, "no element came from the text");
    assert_eq!(query(&host, "p").text_content().as_deref(), Some("<img src=x onerror=alert(1)><b>bold</b>"));
    query(&host, "[data-testid=go]").click();
    let output = query(&host, "[data-testid=terminal-output]").text_content().unwrap();
    assert!(output.contains("git branch x"), "{output}");
}

#[wasm_bindgen_test]
async fn the_scrollback_keeps_the_newest_entries_and_all_the_history() {
    let (host, _page) = mount_sandbox();
    let input: web_sys::HtmlInputElement = query(&host, "[data-testid=terminal-input]").unchecked_into();
    let n = branch_to_prod::panels::terminal::SCROLLBACK + 5;
    for i in 0..n {
        type_line(&input, &format!("echo line-{i}"));
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
    let (host, _page) = mount_sandbox();
    set_field(&host, "form[data-form=branch] [name=name]", "feature/new-chatbot-intent");
    set_field(&host, "form[data-form=branch] [name=start]", "development");
    query(&host, "form[data-form=branch] button[type=submit]").click();
    let line = query(&host, ".b2p-terminal__entry:last-child .b2p-terminal__line").text_content().unwrap();
    assert_eq!(line, "$ git checkout -b feature/new-chatbot-intent development");
    assert_eq!(
        query(&host, "[data-head=true]").get_attribute("data-branch").as_deref(),
        Some("feature/new-chatbot-intent")
    );
    let form = "[data-server=production] form[data-form=request]";
    set_field(&host, &format!("{form} [name=origin]"), "https://evil.example");
    query(&host, &format!("{form} button[type=submit]")).click();
    let cors = query(&host, "[data-server=production] dd[data-key=CORS_ORIGINS]").text_content().unwrap();
    assert!(cors.starts_with("https://evil.example is not in CORS_ORIGINS="), "{cors}");
    let response = query(&host, "[data-server=production] [data-testid=console-response]").text_content().unwrap();
    assert!(!response.contains("access-control-allow-origin:"), "{response}");
    // The form is ready for the next request: its fields are back to their defaults.
    let origin: web_sys::HtmlInputElement = query(&host, &format!("{form} [name=origin]")).unchecked_into();
    assert_eq!(origin.value(), "");
}

#[wasm_bindgen_test]
async fn keyed_children_are_matched_by_key_not_position() {
    let blocks = |keys: &[&str]| -> Node {
        el("div").children(keys.iter().map(|k| el("p").attr("data-key", *k).text(*k))).into()
    };
    let tree = Rc::new(RefCell::new(blocks(&["a", "b", "c"])));
    let (host, _page, panel) = mount_markup(tree.clone());
    let b = query(&host, "[data-key=b]");
    *tree.borrow_mut() = blocks(&["b", "c", "d"]);
    panel.redraw();
    let keys: Vec<String> =
        (0..3).map(|i| query(&host, &format!("p:nth-child({})", i + 1)).get_attribute("data-key").unwrap()).collect();
    assert_eq!(keys, ["b", "c", "d"]);
    assert!(query(&host, "[data-key=b]").is_same_node(Some(&b)), "b kept its element");
    assert_eq!(count(&host, "[data-key=a]"), 0);
}
