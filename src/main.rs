fn main() {
    branch_to_prod::crash::install();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = document.get_element_by_id("app") else {
        return;
    };
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark("b2p-start");
    }
    // Drawing is synchronous: once it returns, the terminal accepts input.
    branch_to_prod::start(&root);
    let _ = root.set_attribute("data-ready", "1");
    branch_to_prod::offline::start();
    // `make bench` reads this mark: navigation start → terminal ready.
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark("b2p-ready");
    }
}
