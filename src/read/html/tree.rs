//! tl's nodes with what the readers need: parents, children, the extent of
//! each subtree. Walks use explicit stacks, so deep nesting cannot exhaust
//! the call stack.

use std::borrow::Cow;
use std::cell::OnceCell;

use tl::Node;

use super::text::collapse;
use crate::read::entities::decode_entities;

pub(super) struct Tree<'n, 'a> {
    pub nodes: &'n [Node<'a>],
    pub parent: Vec<Option<usize>>,
    /// Node `i`'s children are `child_list[child_start[i]..child_start[i + 1]]`.
    child_start: Vec<usize>,
    child_list: Vec<usize>,
    /// The last node of `i`'s subtree: tl numbers nodes in document order,
    /// so a subtree is the nodes `i..=end[i]`.
    pub end: Vec<usize>,
    /// Each element's class and id words, split once when first asked for
    /// (the body reader and the metadata reader both read them).
    class_words: Vec<OnceCell<Vec<String>>>,
}

impl<'n, 'a> Tree<'n, 'a> {
    pub fn new(nodes: &'n [Node<'a>]) -> Tree<'n, 'a> {
        let n = nodes.len();
        let mut parent = vec![None; n];
        let mut child_start = Vec::with_capacity(n + 1);
        let mut child_list = Vec::with_capacity(n);
        for (i, node) in nodes.iter().enumerate() {
            child_start.push(child_list.len());
            if let Some(tag) = node.as_tag() {
                for child in tag.children().top().iter() {
                    let child = child.get_inner() as usize;
                    if child > i && child < n && parent[child].is_none() {
                        parent[child] = Some(i);
                        child_list.push(child);
                    }
                }
            }
        }
        child_start.push(child_list.len());
        let mut end: Vec<usize> = (0..n).collect();
        for i in (0..n).rev() {
            if let Some(p) = parent[i] {
                end[p] = end[p].max(end[i]);
            }
        }
        Tree {
            nodes,
            parent,
            child_start,
            child_list,
            end,
            class_words: (0..n).map(|_| OnceCell::new()).collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// The tag name, lower case; "" for text and comments.
    pub fn name(&self, i: usize) -> &'n str {
        name_of(&self.nodes[i])
    }

    pub fn children(&self, i: usize) -> impl DoubleEndedIterator<Item = usize> + '_ {
        self.child_list[self.child_start[i]..self.child_start[i + 1]]
            .iter()
            .copied()
    }

    pub fn attribute(&self, i: usize, key: &'static str) -> Option<Cow<'n, str>> {
        attribute(&self.nodes[i], key)
    }

    /// Whether `inner` is `outer` or inside it.
    pub fn contains(&self, outer: usize, inner: usize) -> bool {
        outer <= inner && inner <= self.end[outer]
    }

    /// The text of an element, entities decoded, whitespace collapsed.
    pub fn text(&self, i: usize) -> String {
        // usize::MAX stands for the space a block element's end makes.
        const SPACE: usize = usize::MAX;
        let mut raw = String::new();
        let mut stack = vec![i];
        while let Some(i) = stack.pop() {
            if i == SPACE {
                raw.push(' ');
                continue;
            }
            match &self.nodes[i] {
                Node::Raw(text) => raw.push_str(&text.as_utf8_str()),
                Node::Tag(_) if self.name(i) == "br" => raw.push(' '),
                Node::Tag(_) => {
                    if is_block(self.name(i)) {
                        raw.push(' ');
                        stack.push(SPACE);
                    }
                    stack.extend(self.children(i).rev());
                }
                Node::Comment(_) => {}
            }
        }
        collapse(&decode_entities(&raw))
    }

    /// The words of an element's `class` and `id`, lower case: `class="post-body
    /// articleText"` gives `post`, `body`, `postbody`, `article`, `text`,
    /// `articletext`. Each name gives its parts and itself joined.
    pub fn class_words(&self, i: usize) -> &[String] {
        self.class_words[i].get_or_init(|| self.split_class_words(i))
    }

    fn split_class_words(&self, i: usize) -> Vec<String> {
        let mut words = Vec::new();
        for key in ["class", "id"] {
            let Some(value) = self.attribute(i, key) else {
                continue;
            };
            // Utility classes with a variant or an arbitrary value
            // (Tailwind's `md:[grid-area:sidebar]`, `[&_h4]:text-lg`) say
            // how an element looks, not what it is.
            for name in value
                .split_whitespace()
                .filter(|name| !name.contains([':', '[']))
            {
                let mut parts: Vec<String> = Vec::new();
                let mut current = String::new();
                let mut previous_lower = false;
                for c in name.chars() {
                    if !c.is_alphanumeric() {
                        if !current.is_empty() {
                            parts.push(std::mem::take(&mut current));
                        }
                        previous_lower = false;
                        continue;
                    }
                    // camelCase splits too: articleBody → article, body.
                    if c.is_uppercase() && previous_lower && !current.is_empty() {
                        parts.push(std::mem::take(&mut current));
                    }
                    previous_lower = c.is_lowercase();
                    current.extend(c.to_lowercase());
                }
                if !current.is_empty() {
                    parts.push(current);
                }
                if parts.len() > 1 {
                    words.push(parts.concat());
                }
                words.extend(parts);
            }
        }
        words
    }
}

/// Elements that start and end a line of text.
const BLOCKS: [&str; 48] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    super::markup::ROOT,
];

/// Whether an element is a block: it starts and ends a line of text.
pub(super) fn is_block(name: &str) -> bool {
    BLOCKS.contains(&name)
}

pub(super) fn name_of<'n>(node: &'n Node<'_>) -> &'n str {
    node.as_tag()
        .and_then(|tag| tag.name().try_as_utf8_str())
        .unwrap_or("")
}

pub(super) fn attribute<'n>(node: &'n Node<'_>, key: &'static str) -> Option<Cow<'n, str>> {
    node.as_tag()?
        .attributes()
        .get(key)
        .flatten()
        .map(|value| value.as_utf8_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_words_split_names_at_dashes_and_case() {
        let dom = tl::parse(
            r#"<div class="post-body articleText" id="main_story"></div>"#,
            tl::ParserOptions::default(),
        )
        .unwrap();
        let tree = Tree::new(dom.nodes());
        let words = tree.class_words(0);
        let utility = tl::parse(
            r#"<div class="md:[grid-area:sidebar] lg:hidden story"></div>"#,
            tl::ParserOptions::default(),
        )
        .unwrap();
        assert_eq!(Tree::new(utility.nodes()).class_words(0), ["story"]);
        for expected in [
            "post",
            "body",
            "postbody",
            "article",
            "text",
            "articletext",
            "main",
            "story",
            "mainstory",
        ] {
            assert!(words.iter().any(|w| w == expected), "{expected}: {words:?}");
        }
    }

    #[test]
    fn subtrees_are_ranges_of_nodes() {
        let dom = tl::parse(
            "<div><p>a<b>b</b></p><p>c</p></div><span>d</span>",
            tl::ParserOptions::default(),
        )
        .unwrap();
        let tree = Tree::new(dom.nodes());
        let span = (0..tree.len()).find(|&i| tree.name(i) == "span").unwrap();
        assert!(!tree.contains(0, span));
        let b = (0..tree.len()).find(|&i| tree.name(i) == "b").unwrap();
        assert!(tree.contains(0, b));
        assert_eq!(tree.parent[tree.parent[b].unwrap()], Some(0));
        assert_eq!(tree.text(0), "ab c");
    }
}
