//! Draws a sheet (`engine::sheet`: the reference, the interview's answer and
//! follow-ups) as the page's elements. Text stays text: backticks become
//! code, nothing else is interpreted.

use engine::sheet::Block;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::links::try_it;
use crate::prose::inline;

/// A command with its "try it": the sandbox opens with the line typed.
fn command(line: &str, note: &str) -> AnyView {
    let note = (!note.is_empty()).then(|| view! { <span class="b2p-sheet__note">{inline(note)}</span> });
    view! {
        <li class="b2p-sheet__cmd">
            <code class="b2p-sheet__line">{line.to_string()}</code>
            {note}
            <A
                href=try_it(line)
                attr:class="b2p-sheet__try"
                attr:data-testid="try-it"
                attr:data-line=line.to_string()
                attr:aria-label=format!("Try it: {line}")
            >
                "Try it"
            </A>
        </li>
    }
    .into_any()
}

fn table(rows: &[Vec<String>]) -> AnyView {
    let Some((head, body)) = rows.split_first() else { return view! { <table></table> }.into_any() };
    let head = head.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view();
    let body = body
        .iter()
        .map(|r| {
            let cells = r
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    if i == 0 {
                        view! { <th scope="row">{inline(c)}</th> }.into_any()
                    } else {
                        view! { <td>{inline(c)}</td> }.into_any()
                    }
                })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    view! {
        <table class="b2p-sheet__table">
            <thead><tr>{head}</tr></thead>
            <tbody>{body}</tbody>
        </table>
    }
    .into_any()
}

/// A sheet's live part by name (`profiles`, `workflow`), drawn by the page.
pub type Live<'a> = &'a dyn Fn(&str) -> Option<AnyView>;

/// The blocks as elements; `live` draws an embedded part by name.
pub fn blocks(blocks: &[Block], live: Live) -> Vec<AnyView> {
    let mut out: Vec<AnyView> = Vec::new();
    let mut commands: Vec<AnyView> = Vec::new();
    let flush = |out: &mut Vec<AnyView>, commands: &mut Vec<AnyView>| {
        if !commands.is_empty() {
            let list = std::mem::take(commands);
            out.push(view! { <ul class="b2p-sheet__cmds">{list}</ul> }.into_any());
        }
    };
    for b in blocks {
        if let Block::Command { line, note } = b {
            commands.push(command(line, note));
            continue;
        }
        flush(&mut out, &mut commands);
        match b {
            Block::Heading(h) => out.push(view! { <h2 class="b2p-sheet__heading">{h.clone()}</h2> }.into_any()),
            Block::Para(p) => out.push(view! { <p>{inline(p)}</p> }.into_any()),
            Block::Table(rows) => out.push(table(rows)),
            Block::List(items) => {
                let items = items.iter().map(|i| view! { <li>{inline(i)}</li> }).collect_view();
                out.push(view! { <ul class="b2p-sheet__list">{items}</ul> }.into_any());
            }
            Block::Quote(q) => {
                out.push(view! { <blockquote class="b2p-sheet__quote"><p>{inline(q)}</p></blockquote> }.into_any());
            }
            Block::Ask(a) => out.push(view! { <h3 class="b2p-sheet__ask">{a.clone()}</h3> }.into_any()),
            Block::Embed(name) => out.extend(live(name)),
            Block::Command { .. } => {}
        }
    }
    flush(&mut out, &mut commands);
    out
}

/// The blocks in one `<section>` per heading (print keeps a section whole).
pub fn sections(all: &[Block], live: Live) -> Vec<AnyView> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=all.len() {
        if i == all.len() || matches!(all[i], Block::Heading(_)) {
            let inner = blocks(&all[start..i], live);
            out.push(view! { <section class="b2p-sheet__section">{inner}</section> }.into_any());
            start = i;
        }
    }
    out
}

/// A sheet's blocks.
///
/// - `blocks`: what the sheet says.
#[component]
pub fn SheetBlocks(blocks: Vec<Block>) -> impl IntoView {
    self::blocks(&blocks, &|_| None)
}
