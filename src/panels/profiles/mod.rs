//! The three `.env` profiles side by side — the guide's table of environment
//! differences — with where each value comes from and each profile's check.

use engine::config::check::Env;
use engine::config::profiles::Cell;
use engine::view::profiles::profiles;
use leptos::prelude::*;

use crate::workspace::expect_workspace;

fn cell_view(env: Env, key: &'static str, cell: Cell) -> impl IntoView {
    let (text, from, class) = match &cell {
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

/// The profiles panel (`data-testid=env-table`).
#[component]
pub fn Profiles() -> impl IntoView {
    let table = expect_workspace().memo(|s| profiles(s.world()));
    view! {
        <section class="b2p-panel b2p-panel--profiles" aria-label="Profiles">
            <h2 class="b2p-panel__title">"Profiles: same code, different configuration"</h2>
            <div class="b2p-profiles">
                <table class="b2p-profiles__table" data-testid="env-table">
                    <thead>
                        <tr>
                            <th scope="col">"Key"</th>
                            {Env::ALL.iter().map(|e| view! { <th scope="col"><code>{e.file()}</code></th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {move || table.with(|t| t.rows.iter().map(|r| {
                            let key = r.key;
                            let cells = Env::ALL.iter().zip(r.cells.clone()).map(|(e, c)| cell_view(*e, key, c)).collect_view();
                            view! {
                                <tr class:b2p-profiles__row--differs=r.differs>
                                    <th scope="row"><code>{key}</code></th>
                                    {cells}
                                </tr>
                            }
                        }).collect_view())}
                    </tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">"config check"</th>
                            {move || table.with(|t| t.checks.iter().map(|c| {
                                let summary = if c.ok { "✓ passes" } else { "✗ fails" };
                                let detail = c.lines.join("\n");
                                view! {
                                    <td class="b2p-profiles__check" class:b2p-profiles__check--fail=!c.ok
                                        data-env=c.env.name() title=detail>{summary}</td>
                                }
                            }).collect_view())}
                        </tr>
                    </tfoot>
                </table>
            </div>
            <p class="b2p-panel__note">"Highlighted rows differ between environments. Compare them in the terminal with "
                <code>"config compare"</code> "; lint them with " <code>"config check"</code> "."</p>
        </section>
    }
}
