//! The profiles table, as the panel and the reference page show it.

use engine::config::check::Env;
use engine::config::profiles::Cell;
use engine::view::profiles::Profiles;
use leptos::prelude::*;

fn cell(env: Env, key: &'static str, cell: &Cell) -> impl IntoView + use<> {
    let (text, from, class) = match cell {
        Cell::Set { value, line } => (value.clone(), format!("{}:{line}", env.file()), "b2p-profiles__value"),
        Cell::Default(d) => {
            ((*d).to_string(), "the app's default".to_string(), "b2p-profiles__value b2p-profiles__value--default")
        }
        Cell::NoFile => (
            "—".to_string(),
            format!("no {} in the working tree", env.file()),
            "b2p-profiles__value b2p-profiles__value--missing",
        ),
    };
    let title = from.clone();
    view! {
        <td class=class data-env=env.name() data-key=key title=title>
            <code>{text}</code>
            <span class="b2p-profiles__from">{from}</span>
        </td>
    }
}

fn draw(t: &Profiles) -> impl IntoView + use<> {
    let head = Env::ALL.iter().map(|e| view! { <th scope="col"><code>{e.file()}</code></th> }).collect_view();
    let rows = t
        .rows
        .iter()
        .map(|r| {
            view! {
                <tr class=r.differs.then_some("b2p-profiles__row--differs")>
                    <th scope="row"><code>{r.key}</code></th>
                    {Env::ALL.iter().zip(&r.cells).map(|(e, c)| cell(*e, r.key, c)).collect_view()}
                </tr>
            }
        })
        .collect_view();
    let checks = t
        .checks
        .iter()
        .map(|c| {
            let class = if c.ok { "b2p-profiles__check" } else { "b2p-profiles__check b2p-profiles__check--fail" };
            view! {
                <td class=class data-env=c.env.name() title=c.lines.join("\n")>
                    {if c.ok { "✓ passes" } else { "✗ fails" }}
                </td>
            }
        })
        .collect_view();
    let findings = t
        .checks
        .iter()
        .filter(|c| c.lines.len() > 1)
        .map(|c| {
            let class =
                if c.ok { "b2p-profiles__finding" } else { "b2p-profiles__finding b2p-profiles__finding--fail" };
            view! {
                <div class=class data-env=c.env.name()>
                    <h3 class="b2p-profiles__finding-title"><code>{format!("config check {}", c.env.name())}</code></h3>
                    <pre class="b2p-profiles__finding-text">{c.lines.join("\n")}</pre>
                </div>
            }
        })
        .collect_view();
    let provenance = t
        .provenance
        .iter()
        .map(|p| {
            let sources = p
                .sources
                .iter()
                .map(|(k, from)| {
                    view! {
                        <tr>
                            <th scope="row"><code>{k.clone()}</code></th>
                            <td data-key=k.clone()>{from.clone()}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <details data-server=p.server.clone()>
                    <summary>{format!("Where {}'s values come from ({})", p.server, p.profile)}</summary>
                    <table class="b2p-profiles__sources"><tbody>{sources}</tbody></table>
                </details>
            }
        })
        .collect_view();
    view! {
        // It scrolls sideways on a phone: focusable, so a keyboard can scroll it.
        <div class="b2p-profiles" tabindex="0" role="region" aria-label="The profiles side by side">
            <table class="b2p-profiles__table" data-testid="env-table">
                <thead><tr><th scope="col">"Key"</th>{head}</tr></thead>
                <tbody>{rows}</tbody>
                <tfoot><tr><th scope="row">"config check"</th>{checks}</tr></tfoot>
            </table>
        </div>
        <div class="b2p-profiles__checks">{findings}</div>
        <div class="b2p-profiles__provenance">{provenance}</div>
    }
}

/// The profiles side by side, with their checks and where each server's
/// values come from.
///
/// - `profiles`: the engine's profiles view; the table is drawn again when
///   it changes (an edited `.env` file, a platform variable).
#[component]
pub fn ProfilesTable(#[prop(into)] profiles: Signal<Profiles>) -> impl IntoView {
    view! {
        <section class="b2p-panel b2p-panel--profiles" aria-label="Profiles">
            <h2 class="b2p-panel__title">"Profiles: same code, different configuration"</h2>
            {move || profiles.with(draw)}
            <p class="b2p-panel__note">
                "To change a value, edit its file under Files (then commit and push, as in real life). Highlighted rows differ between environments. Compare them in the terminal with "
                <code>"config compare"</code>
                "; lint them with "
                <code>"config check"</code>
                "."
            </p>
        </section>
    }
}
