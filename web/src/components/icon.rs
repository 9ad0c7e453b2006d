//! Icons as inline SVG: no icon font, nothing fetched, and the same on every system.

use yew::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Name {
    First,
    Back,
    Play,
    Pause,
    Forward,
    Lock,
    Sun,
    Moon,
    System,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub name: Name,
    /// A text for screen readers; without one the icon is decoration.
    #[prop_or_default]
    pub label: Option<String>,
}

#[component]
pub fn Icon(props: &Props) -> Html {
    let path = match props.name {
        Name::First => "M5 4v16M19 5l-10 7 10 7z",
        Name::Back => "M17 5L7 12l10 7z",
        Name::Play => "M7 5l12 7-12 7z",
        Name::Pause => "M7 5h4v14H7zM13 5h4v14h-4z",
        Name::Forward => "M5 5l10 7-10 7zM19 4v16",
        Name::Lock => "M7 11V8a5 5 0 0110 0v3M5 11h14v10H5z",
        Name::Sun => {
            "M12 7a5 5 0 100 10 5 5 0 000-10zM12 1v3M12 20v3M1 12h3M20 12h3M4.2 4.2l2.1 2.1M17.7 17.7l2.1 2.1M4.2 19.8l2.1-2.1M17.7 6.3l2.1-2.1"
        }
        Name::Moon => "M21 13A9 9 0 1111 3a7 7 0 0010 10z",
        Name::System => "M12 3a9 9 0 100 18V3z M12 3a9 9 0 010 18",
    };
    let filled = matches!(
        props.name,
        Name::First | Name::Back | Name::Play | Name::Pause | Name::Forward
    );
    html! {
        <svg class={classes!("icon", filled.then_some("filled"))} viewBox="0 0 24 24" width="16" height="16"
             role={props.label.as_ref().map(|_| "img")} aria-hidden={props.label.is_none().then_some("true")}
             aria-label={props.label.clone()}>
            <path d={path} />
        </svg>
    }
}
