//! What the pages show that is derived from whole series of editions, made
//! once before any page: the edition comparisons and the commitments of
//! each series. `serve` keeps them between saves and makes again only
//! those of the series whose documents changed ([`Derived::update`]): at
//! 10,000 pages they were 0.45 s of each save, most of it reading every
//! clause's figures.

use std::collections::BTreeSet;

use crate::model::commitments::{editions, Table};
use crate::model::compare::{self, Comparison};
use crate::model::{Document, Site};

pub struct Derived {
    /// The edition comparisons: series in name order, then editions.
    pub comparisons: Vec<Comparison>,
    /// The commitments with figures of each series that has some, in
    /// series name order.
    pub commitments: Vec<Table>,
}

impl Derived {
    /// Everything derived from `site`, the comparisons and the
    /// commitments side by side.
    pub fn of(site: &Site) -> Derived {
        Derived::of_series(site, |_| true)
    }

    fn of_series(site: &Site, wanted: impl Fn(&str) -> bool + Sync) -> Derived {
        let (comparisons, commitments) = rayon::join(
            || compare::comparisons_in(site, &wanted),
            || editions::tables_in(site, &site.corrections, &wanted),
        );
        Derived {
            comparisons,
            commitments,
        }
    }

    /// What [`Derived::of`] gives for `new`, when `self` was made for
    /// `old`: made again only for the series holding a document that
    /// changed (a document kept between two builds is the same value in
    /// both sites), and for all of them if the documents, their series or
    /// editions, the cross-links or the editors' corrections differ.
    pub fn update(self, old: &Site, new: &Site) -> Derived {
        fn place(d: &Document) -> (&str, Option<&str>, Option<&str>) {
            (&d.id, d.series.as_deref(), d.edition.as_deref())
        }
        let same = (old.documents.iter().map(place)).eq(new.documents.iter().map(place))
            && old.links == new.links
            && old.corrections == new.corrections;
        if !same {
            return Derived::of(new);
        }
        let changed: BTreeSet<&str> = (old.documents.iter().zip(new.documents.iter()))
            .filter(|(a, b)| !std::ptr::eq(*a, *b))
            .filter_map(|(_, b)| b.series.as_deref())
            .collect();
        if changed.is_empty() {
            return self;
        }
        let fresh = Derived::of_series(new, |s| changed.contains(s));
        let kept = |series: &str| !changed.contains(series);
        let mut comparisons: Vec<Comparison> = (self.comparisons.into_iter())
            .filter(|c| kept(&c.series))
            .chain(fresh.comparisons)
            .collect();
        // Stable: a series' comparisons stay in the order of its editions.
        comparisons.sort_by(|a, b| a.series.cmp(&b.series));
        let mut commitments: Vec<Table> = (self.commitments.into_iter())
            .filter(|t| kept(&t.series))
            .chain(fresh.commitments)
            .collect();
        commitments.sort_by(|a, b| a.series.cmp(&b.series));
        Derived {
            comparisons,
            commitments,
        }
    }
}
