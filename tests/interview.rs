//! The interview build's components in a real browser (wasm-bindgen-test in
//! headless Chromium): a sheet's text stays text, and a "try it" link brings
//! its line back exactly.
#![cfg(all(target_arch = "wasm32", feature = "interview"))]

use branch_to_prod::markup::{Node, append};
use branch_to_prod::pages::sheet::blocks;
use branch_to_prod::router::Address;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn host() -> web_sys::Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let host = doc.create_element("section").unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    host
}

#[wasm_bindgen_test]
fn a_sheet_draws_markup_as_text_and_try_it_keeps_the_line() {
    let text = "# T\n## <img src=x onerror=alert(1)>\n$ git commit -m \"<b>&amp; ü ~^= 'x'\"  # a `<i>note</i>`\n\
                | a | <script>alert(1)</script> |\n| 1 | 2 |\n";
    let sheet = engine::sheet::parse(text).unwrap();
    let host = host();
    let nodes: Vec<Node> = blocks(&sheet.blocks, &|_| None).into_iter().map(Node::from).collect();
    append(&host, &nodes);
    assert_eq!(host.query_selector_all("img, script, b, i").unwrap().length(), 0, "{}", host.inner_html());
    assert_eq!(host.query_selector("h2").unwrap().unwrap().text_content().unwrap(), "<img src=x onerror=alert(1)>");
    let link = host.query_selector("[data-testid=try-it]").unwrap().unwrap();
    let href = link.get_attribute("href").unwrap();
    let (path, query) = href.split_once('?').unwrap();
    assert_eq!(path, "/sandbox");
    assert_eq!(Address::new(path, query).decoded("try").as_deref(), Some("git commit -m \"<b>&amp; ü ~^= 'x'\""));
    assert_eq!(host.query_selector(".b2p-sheet__note code").unwrap().unwrap().text_content().unwrap(), "<i>note</i>");
}
