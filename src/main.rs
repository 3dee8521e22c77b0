use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn main() {
    console_error_panic_hook::set_once();
    let Some(root) = document().get_element_by_id("app") else {
        return;
    };
    let Ok(root) = root.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    // Mounting is synchronous: once it returns, the terminal accepts input.
    leptos::mount::mount_to(root.clone(), branch_to_prod::App).forget();
    let _ = root.set_attribute("data-ready", "1");
    // `make bench` reads this mark: navigation start → terminal ready.
    if let Some(perf) = window().performance() {
        let _ = perf.mark("b2p-ready");
    }
}
