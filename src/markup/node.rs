//! A panel's content as a plain value: elements with attributes, text, and the
//! engine action a button dispatches. Panels build these from the engine's
//! read model; [`super::Markup`] puts them on the page. Text is always a text
//! node, never parsed as HTML.

use engine::Action;

/// One node of a panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// Text, shown as it is.
    Text(String),
    /// An element.
    Element(Box<Element>),
}

/// An element: tag, attributes in order, children, and the action a click on
/// it dispatches (buttons).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    pub(super) tag: &'static str,
    pub(super) attrs: Vec<(&'static str, String)>,
    pub(super) children: Vec<Node>,
    /// Boxed: elements move through every builder call, and an action is
    /// large.
    pub(super) action: Option<Box<Action>>,
}

/// A new element.
pub fn el(tag: &'static str) -> Element {
    Element { tag, attrs: Vec::new(), children: Vec::new(), action: None }
}

impl Element {
    /// Sets an attribute.
    #[must_use]
    pub fn attr(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.attrs.push((name, value.into()));
        self
    }

    /// Sets an attribute when `value` is `Some`.
    #[must_use]
    pub fn attr_opt(self, name: &'static str, value: Option<impl Into<String>>) -> Self {
        match value {
            Some(v) => self.attr(name, v),
            None => self,
        }
    }

    /// A boolean attribute (`disabled`, `hidden`): present when `on`.
    #[must_use]
    pub fn flag(self, name: &'static str, on: bool) -> Self {
        if on { self.attr(name, "") } else { self }
    }

    /// Sets `class`.
    #[must_use]
    pub fn class(self, class: impl Into<String>) -> Self {
        self.attr("class", class)
    }

    /// Appends a child.
    #[must_use]
    pub fn child(mut self, child: impl Into<Node>) -> Self {
        self.children.push(child.into());
        self
    }

    /// Appends a child when there is one.
    #[must_use]
    pub fn child_opt(self, child: Option<impl Into<Node>>) -> Self {
        match child {
            Some(c) => self.child(c),
            None => self,
        }
    }

    /// Appends children.
    #[must_use]
    pub fn children<N: Into<Node>>(mut self, children: impl IntoIterator<Item = N>) -> Self {
        self.children.extend(children.into_iter().map(Into::into));
        self
    }

    /// Appends text.
    #[must_use]
    pub fn text(self, text: impl Into<String>) -> Self {
        self.child(Node::Text(text.into()))
    }

    /// What a click on this element dispatches.
    #[must_use]
    pub fn on_click(mut self, action: Action) -> Self {
        self.action = Some(Box::new(action));
        self
    }

    /// The value of an attribute.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str())
    }
}

impl From<Element> for Node {
    fn from(e: Element) -> Self {
        Node::Element(Box::new(e))
    }
}

impl From<String> for Node {
    fn from(s: String) -> Self {
        Node::Text(s)
    }
}

impl From<&str> for Node {
    fn from(s: &str) -> Self {
        Node::Text(s.to_string())
    }
}

/// `<code>text</code>`, the panels' most common element.
pub fn code(text: impl Into<String>) -> Element {
    el("code").text(text)
}

/// Prose: text with `backticked` spans as code. Nothing else is
/// interpreted, so no markup in a content file reaches the page as HTML.
pub fn inline(text: &str) -> Vec<Node> {
    text.split('`').enumerate().map(|(i, part)| if i % 2 == 1 { code(part).into() } else { Node::from(part) }).collect()
}
