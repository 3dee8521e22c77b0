//! Puts a [`Node`] tree into the DOM and brings it up to date with the next
//! tree: children are matched by position, so an element that stays (a
//! focused button) is kept and only its changed attributes and text are set.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Node as DomNode};

use super::node::{Element, Node};

const SVG: &str = "http://www.w3.org/2000/svg";

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// An element with inline style (HTML or SVG).
    type Styled;
    #[wasm_bindgen(method, getter)]
    fn style(this: &Styled) -> Style;
    /// Its `CSSStyleDeclaration`.
    type Style;
    #[wasm_bindgen(method, setter = cssText)]
    fn set_css_text(this: &Style, css: &str);
}

/// Sets an attribute; `style` through the CSSOM, which the production CSP
/// (`style-src 'self'`, no `'unsafe-inline'`) allows where a `style`
/// attribute would be refused.
fn set(dom: &web_sys::Element, name: &str, value: &str) -> Result<(), JsValue> {
    if name == "style" {
        dom.unchecked_ref::<Styled>().style().set_css_text(value);
        Ok(())
    } else {
        dom.set_attribute(name, value)
    }
}

/// Takes each element's click action out of `node`, in document order,
/// numbering its element (`data-act`) so one listener can find it.
pub fn number_actions(node: &mut Node, actions: &mut Vec<engine::Action>) {
    if let Node::Element(e) = node {
        if let Some(action) = e.action.take() {
            e.attrs.push(("data-act", actions.len().to_string()));
            actions.push(*action);
        }
        for child in &mut e.children {
            number_actions(child, actions);
        }
    }
}

/// Makes `parent`'s children show `new`, given that they show `old` now.
pub fn children(parent: &DomNode, old: &[Node], new: &[Node], svg: bool) -> Result<(), JsValue> {
    let doc = parent.owner_document().ok_or("a node outside any document")?;
    let list = parent.child_nodes();
    let dom: Vec<DomNode> = (0..list.length()).filter_map(|i| list.get(i)).collect();
    if dom.len() != old.len() {
        // Someone else changed them: start over.
        parent.set_text_content(None);
        return append(&doc, parent, new, svg);
    }
    if keyed(old) && keyed(new) {
        return by_key(&doc, parent, &dom, old, new, svg);
    }
    for ((node, old), new) in dom.iter().zip(old).zip(new) {
        patch(&doc, parent, node, old, new, svg)?;
    }
    for gone in dom.iter().skip(new.len()) {
        parent.remove_child(gone)?;
    }
    append(&doc, parent, new.get(old.len()..).unwrap_or_default(), svg)
}

fn key(n: &Node) -> Option<&str> {
    match n {
        Node::Element(e) => e.get("data-key"),
        Node::Text(_) => None,
    }
}

/// Children that all carry `data-key` are matched by it, not by position:
/// the graph's blocks of rows, where scrolling or a new commit drops a block
/// at one end and adds one at the other.
fn keyed(nodes: &[Node]) -> bool {
    !nodes.is_empty() && nodes.iter().all(|n| key(n).is_some())
}

fn by_key(
    doc: &Document,
    parent: &DomNode,
    dom: &[DomNode],
    old: &[Node],
    new: &[Node],
    svg: bool,
) -> Result<(), JsValue> {
    // Keys are few (a handful of blocks): a linear search is the fast path.
    let find = |k: Option<&str>| old.iter().position(|o| key(o) == k);
    for (d, o) in dom.iter().zip(old) {
        if !new.iter().any(|n| key(n) == key(o)) {
            parent.remove_child(d)?;
        }
    }
    let mut after: Option<DomNode> = None;
    for n in new {
        let node = match find(key(n)) {
            Some(i) => patch(doc, parent, &dom[i], &old[i], n, svg)?,
            None => create(doc, n, svg)?,
        };
        let next = match &after {
            Some(a) => a.next_sibling(),
            None => parent.first_child(),
        };
        if next.as_ref() != Some(&node) {
            parent.insert_before(&node, next.as_ref())?;
        }
        after = Some(node);
    }
    Ok(())
}

/// Appends `nodes` after `parent`'s children.
pub fn append(doc: &Document, parent: &DomNode, nodes: &[Node], svg: bool) -> Result<(), JsValue> {
    for node in nodes {
        parent.append_child(&create(doc, node, svg)?)?;
    }
    Ok(())
}

fn create(doc: &Document, node: &Node, svg: bool) -> Result<DomNode, JsValue> {
    let e = match node {
        Node::Text(text) => return Ok(doc.create_text_node(text).into()),
        Node::Element(e) => e,
    };
    let svg = svg || e.tag == "svg";
    let dom = if svg { doc.create_element_ns(Some(SVG), e.tag)? } else { doc.create_element(e.tag)? };
    for (name, value) in &e.attrs {
        set(&dom, name, value)?;
    }
    append(doc, &dom, &e.children, svg)?;
    Ok(dom.into())
}

/// Draws `new` as the first child of `host`, over `drawn` (the node that
/// shows `old`) when there is one; returns the node that now shows `new`.
/// Only that node is touched: the host may hold other nodes (a framework's
/// markers) after it.
pub fn root(host: &DomNode, drawn: Option<(&DomNode, &Node)>, new: &Node) -> Result<DomNode, JsValue> {
    let doc = host.owner_document().ok_or("a node outside any document")?;
    match drawn {
        Some((dom, old)) => patch(&doc, host, dom, old, new, false),
        None => {
            let fresh = create(&doc, new, false)?;
            host.insert_before(&fresh, host.first_child().as_ref())?;
            Ok(fresh)
        }
    }
}

/// Brings `dom` (showing `old`) up to `new`; returns the node now in its place.
fn patch(
    doc: &Document,
    parent: &DomNode,
    dom: &DomNode,
    old: &Node,
    new: &Node,
    svg: bool,
) -> Result<DomNode, JsValue> {
    match (old, new) {
        (Node::Text(a), Node::Text(b)) => {
            if a != b {
                dom.set_text_content(Some(b));
            }
            Ok(dom.clone())
        }
        (Node::Element(a), Node::Element(b)) if a.tag == b.tag => {
            attributes(dom, a, b)?;
            children(dom, &a.children, &b.children, svg || b.tag == "svg")?;
            Ok(dom.clone())
        }
        _ => {
            let fresh = create(doc, new, svg)?;
            parent.replace_child(&fresh, dom)?;
            Ok(fresh)
        }
    }
}

fn attributes(dom: &DomNode, old: &Element, new: &Element) -> Result<(), JsValue> {
    let dom: &web_sys::Element = dom.unchecked_ref();
    for (name, value) in &new.attrs {
        if old.get(name) != Some(value.as_str()) {
            set(dom, name, value)?;
        }
    }
    for (name, _) in &old.attrs {
        if new.get(name).is_none() {
            dom.remove_attribute(name)?;
        }
    }
    Ok(())
}
