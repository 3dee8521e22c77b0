//! Draws a sheet (`engine::sheet`: the reference, the interview's answer and
//! follow-ups) as the page's elements. Text stays text: backticks become
//! code, nothing else is interpreted.

use engine::sheet::Block;

use crate::markup::{Element, code, el, inline};
use crate::router::encode;

/// A command with its "try it": the sandbox opens with the line typed.
fn command(line: &str, note: &str) -> Element {
    el("li")
        .class("b2p-sheet__cmd")
        .child(code(line.to_string()).class("b2p-sheet__line"))
        .child_opt((!note.is_empty()).then(|| el("span").class("b2p-sheet__note").children(inline(note))))
        .child(
            el("a")
                .class("b2p-sheet__try")
                .attr("href", format!("/sandbox?try={}", encode(line)))
                .attr("data-testid", "try-it")
                .attr("data-line", line.to_string())
                .attr("aria-label", format!("Try it: {line}"))
                .text("Try it"),
        )
}

fn table(rows: &[Vec<String>]) -> Element {
    let Some((head, body)) = rows.split_first() else { return el("table") };
    el("table")
        .class("b2p-sheet__table")
        .child(el("thead").child(el("tr").children(head.iter().map(|h| el("th").attr("scope", "col").text(h.clone())))))
        .child(el("tbody").children(body.iter().map(|r| {
            el("tr").children(
                r.iter()
                    .enumerate()
                    .map(|(i, c)| if i == 0 { el("th").attr("scope", "row") } else { el("td") }.children(inline(c))),
            )
        })))
}

/// The blocks as elements; `live` draws an embedded part by name.
pub fn blocks(blocks: &[Block], live: &dyn Fn(&str) -> Option<Element>) -> Vec<Element> {
    let mut out: Vec<Element> = Vec::new();
    let mut commands: Vec<Element> = Vec::new();
    let flush = |out: &mut Vec<Element>, commands: &mut Vec<Element>| {
        if !commands.is_empty() {
            out.push(el("ul").class("b2p-sheet__cmds").children(std::mem::take(commands)));
        }
    };
    for b in blocks {
        if let Block::Command { line, note } = b {
            commands.push(command(line, note));
            continue;
        }
        flush(&mut out, &mut commands);
        match b {
            Block::Heading(h) => out.push(el("h2").class("b2p-sheet__heading").text(h.clone())),
            Block::Para(p) => out.push(el("p").children(inline(p))),
            Block::Table(rows) => out.push(table(rows)),
            Block::List(items) => {
                out.push(
                    el("ul").class("b2p-sheet__list").children(items.iter().map(|i| el("li").children(inline(i)))),
                );
            }
            Block::Quote(q) => out.push(el("blockquote").class("b2p-sheet__quote").child(el("p").children(inline(q)))),
            Block::Ask(a) => out.push(el("h3").class("b2p-sheet__ask").text(a.clone())),
            Block::Embed(name) => out.extend(live(name)),
            Block::Command { .. } => {}
        }
    }
    flush(&mut out, &mut commands);
    out
}

/// The blocks in one `<section>` per heading (print keeps a section whole).
pub fn sections(blocks: &[Block], live: &dyn Fn(&str) -> Option<Element>) -> Vec<Element> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=blocks.len() {
        if i == blocks.len() || matches!(blocks[i], Block::Heading(_)) {
            out.push(el("section").class("b2p-sheet__section").children(self::blocks(&blocks[start..i], live)));
            start = i;
        }
    }
    out
}
