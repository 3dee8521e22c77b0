//! Branch to Prod's page: panels that draw the engine's read model and send
//! it actions. No engine rule is implemented here.
//!
//! - [`workspace`]: one world per page (the sandbox, each lesson), its
//!   state, and how a page arranges the panels.
//! - [`panels`]: one folder per panel, each with its stylesheet.
//! - [`pages`]: one module per route; [`router`] parses the address.
//! - [`markup`]: the renderer every panel draws through.
//! - [`content`]: text fetched on first use (lessons), never compiled in.
//! - [`saved`], [`opening`]: work kept in the browser and opened from share
//!   links; [`notice`] says what happened; [`crash`] is the panic net;
//!   [`offline`] the service worker.

pub mod clipboard;
pub mod content;
pub mod crash;
pub mod markup;
pub mod notice;
pub mod offline;
pub mod opening;
pub mod pages;
pub mod panels;
pub mod router;
pub mod saved;
pub mod theme;
pub mod timer;
pub mod workspace;

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::Element as DomElement;

use markup::{Element, Listener, View, append_element, el, listen};
use pages::Page;
use router::{Route, current_page};

fn header() -> Element {
    let link = |path: &'static str, text: &'static str| {
        el("a").attr("href", path).attr_opt("aria-current", current_page(path)).text(text)
    };
    let dark = theme::dark_now();
    el("header")
        .class("b2p-header")
        .child(
            el("a")
                .attr("href", "/")
                .class("b2p-header__brand")
                .child(el("span").class("b2p-header__logo").attr("aria-hidden", "true").text("⎇"))
                .text("Branch to Prod"),
        )
        .child(
            el("nav")
                .class("b2p-header__nav")
                .attr("aria-label", "Main")
                .child(link("/", "Home"))
                .child(link("/sandbox", "Sandbox"))
                .child(link("/interview", "Interview"))
                .child(link("/reference", "Reference")),
        )
        .child(
            el("button")
                .attr("type", "button")
                .class("b2p-button b2p-header__theme")
                .attr("data-testid", "theme-toggle")
                .attr("aria-pressed", if dark { "true" } else { "false" })
                .text("Dark mode"),
        )
}

/// The app on the page: the header, the page the address names, redrawn
/// when it changes; kept for the page's lifetime.
struct App {
    header: Rc<markup::Panel>,
    _notices: Rc<dyn View>,
    main: DomElement,
    page: RefCell<Page>,
    _listeners: Vec<Listener>,
}

impl App {
    fn show(&self) {
        notice::dismiss();
        opening::read_fragment();
        let address = router::address();
        let presenting = address.presenting();
        self.main.set_class_name(if presenting { "b2p-main b2p-main--present" } else { "b2p-main" });
        // The old page's panels and listeners go with it.
        *self.page.borrow_mut() = Page::default();
        self.main.set_text_content(None);
        let mut page = Page::default();
        match address.route() {
            Route::Home => pages::home::home(&self.main, &mut page),
            Route::Sandbox => pages::sandbox::sandbox(&self.main, presenting, &mut page),
            Route::Lesson(id) => pages::lesson::lesson(&self.main, &id, presenting, &mut page),
            #[cfg(feature = "interview")]
            Route::Interview => pages::interview::interview(&self.main, presenting, &mut page),
            #[cfg(feature = "interview")]
            Route::Reference => pages::reference::reference(&self.main, &mut page),
            #[cfg(not(feature = "interview"))]
            Route::Interview | Route::Reference => pages::not_found::elsewhere(&self.main),
            Route::NotFound => pages::not_found::not_found(&self.main),
        }
        *self.page.borrow_mut() = page;
        self.header.redraw();
    }
}

thread_local! {
    static APP: RefCell<Option<Rc<App>>> = const { RefCell::new(None) };
}

/// Draws the app into `root` and starts following the address bar.
pub fn start(root: &DomElement) {
    theme::restore();
    root.set_text_content(None);
    let Some(header) = markup::Panel::new(root, None, || Some(header().into())) else { return };
    let Some(notices) = markup::Panel::new(root, None, || Some(notice::tree().into())) else { return };
    let Some(main) = append_element(root, "main", "b2p-main") else { return };
    let notice_click = listen(notices.host(), "click", |ev| {
        let act = crate::markup::clicked(&ev, "[data-notice]").and_then(|b| b.get_attribute("data-notice"));
        match act.as_deref() {
            Some("act") => notice::act(),
            Some("dismiss") => notice::dismiss(),
            _ => {}
        }
    });
    let notices: Rc<dyn View> = notices;
    notice::attach(Rc::downgrade(&notices));
    // A share link pasted into the address bar of an open page changes only
    // the fragment: open it as a link is opened.
    let Some(window) = web_sys::window() else { return };
    let pasted = listen(&window, "hashchange", |_| {
        if router::fragment().is_some_and(|f| f.starts_with(engine::share::link::KEY)) {
            router::reload();
        }
    });
    // Saved a moment after each change; at once when the page is hidden.
    let hidden = listen(&window, "pagehide", |_| saved::flush());
    if crash::fresh_requested()
        && let Some(start) = opening::start_of(&router::address().route())
    {
        saved::forget(&start);
        router::replace(&start.path());
    }
    let toggle = listen(header.host(), "click", |ev| {
        let on_toggle = crate::markup::clicked(&ev, "[data-testid=theme-toggle]").is_some();
        if on_toggle {
            theme::flip();
            APP.with_borrow(|a| a.as_ref().map(|a| a.header.redraw()));
        }
    });
    let mut listeners = router::start(|| {
        if let Some(app) = APP.with_borrow(Clone::clone) {
            app.show();
        }
    });
    listeners.extend([toggle, notice_click, pasted, hidden]);
    let app =
        Rc::new(App { header, _notices: notices, main, page: RefCell::new(Page::default()), _listeners: listeners });
    APP.with_borrow_mut(|a| *a = Some(app.clone()));
    app.show();
}

/// Draws a workspace's panels into `host` on their own (component tests);
/// they live as long as the returned page.
pub fn mount_workspace(host: &DomElement, ws: &workspace::WorkspaceState) -> Page {
    let mut page = Page::default();
    workspace::draw(host, ws, workspace::Layout::Sandbox, &mut page);
    page
}
