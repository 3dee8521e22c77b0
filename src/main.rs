use leptos::mount::mount_to;
use wasm_bindgen::JsCast;

fn main() {
    branch_to_prod::crash::install();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = document.get_element_by_id("app").and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return;
    };
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark("b2p-start");
    }
    root.set_text_content(None);
    // A share link is read, and the address corrected, before the router
    // reads the address.
    branch_to_prod::app::before_mount();
    // The first render is synchronous: once mounted, the terminal accepts input.
    mount_to(root.clone(), branch_to_prod::app::App).forget();
    let _ = root.set_attribute("data-ready", "1");
    branch_to_prod::offline::start();
    // `make bench` reads this mark: navigation start → terminal ready.
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark("b2p-ready");
    }
}
