//! The charts as a reader sees them: well-formed XML with a text alternative, no inline style,
//! values where the scale puts them, text escaped, empty inputs drawn without a panic.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use charts::{
    BoxPlot, BoxRow, LineChart, LinePoint, RadarChart, RadarSeries, box_plot, line_chart, radar,
};

/// Parses the SVG and checks what every chart promises: `role="img"`, `aria-labelledby` naming
/// the `<title>` and `<desc>` ids, no `style` attribute or element.
fn check(svg: &str) -> roxmltree::Document<'_> {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{e}: {svg}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.attribute("role"), Some("img"));
    let labelled: Vec<&str> = root
        .attribute("aria-labelledby")
        .expect("aria-labelledby")
        .split(' ')
        .collect();
    let title = doc
        .descendants()
        .find(|n| n.has_tag_name("title"))
        .expect("title");
    let desc = doc
        .descendants()
        .find(|n| n.has_tag_name("desc"))
        .expect("desc");
    assert_eq!(
        labelled,
        [
            title.attribute("id").unwrap(),
            desc.attribute("id").unwrap()
        ]
    );
    for node in doc.descendants() {
        assert!(node.attribute("style").is_none(), "inline style in {svg}");
        assert!(!node.has_tag_name("style"), "<style> in {svg}");
    }
    doc
}

fn text_of<'a>(doc: &'a roxmltree::Document<'a>, tag: &str) -> Vec<&'a str> {
    doc.descendants()
        .filter(|n| n.has_tag_name(tag))
        .filter_map(|n| n.text())
        .collect()
}

fn attr_f64(node: roxmltree::Node<'_, '_>, name: &str) -> f64 {
    node.attribute(name).expect(name).parse().expect("a number")
}

fn history() -> Vec<LinePoint> {
    [
        ("2026-01-10", 40.0),
        ("2026-03-12", 55.5),
        ("2026-06-01", 72.0),
    ]
    .into_iter()
    .map(|(label, value)| LinePoint {
        label: label.to_owned(),
        value,
    })
    .collect()
}

#[test]
fn line_chart_places_points_on_the_scale() {
    let points = history();
    let svg = line_chart(&LineChart {
        title: "Score",
        description: "40 → 72",
        points: &points,
    });
    let doc = check(&svg);
    let markers: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_attribute("data-value"))
        .collect();
    assert_eq!(markers.len(), 3);
    let ys: Vec<f64> = markers.iter().map(|m| attr_f64(*m, "cy")).collect();
    // Higher scores are drawn higher (smaller y), in proportion.
    assert!(ys[0] > ys[1] && ys[1] > ys[2], "{ys:?}");
    let xs: Vec<f64> = markers.iter().map(|m| attr_f64(*m, "cx")).collect();
    assert!(
        (xs[1] - xs[0] - (xs[2] - xs[1])).abs() < 0.2,
        "evenly spaced: {xs:?}"
    );
    // 0 at the bottom grid line, 100 at the top one: y(40) = bottom - 0.4 * (bottom - top).
    let grid: Vec<f64> = doc
        .descendants()
        .filter(|n| n.has_tag_name("line"))
        .map(|n| attr_f64(n, "y1"))
        .collect();
    let (bottom, top) = (grid[0], grid[4]);
    assert!((ys[0] - (bottom - 0.4 * (bottom - top))).abs() < 0.2);
    assert_eq!(markers[1].attribute("data-value"), Some("55.5"));
    assert!(text_of(&doc, "text").contains(&"2026-03-12"));
}

#[test]
fn radar_overlays_two_series_told_apart_without_colour() {
    let axes = vec![
        "Gouvernance".to_owned(),
        "Accès".to_owned(),
        "Sauvegardes".to_owned(),
        "Réseau".to_owned(),
    ];
    let now = [Some(80.0), Some(50.0), None, Some(20.0)];
    let before = [Some(60.0), Some(40.0), Some(30.0), Some(10.0)];
    let series = [
        RadarSeries {
            label: "Cette évaluation",
            values: &now,
        },
        RadarSeries {
            label: "Précédente",
            values: &before,
        },
    ];
    let svg = radar(&RadarChart {
        title: "Radar",
        description: "…",
        axes: &axes,
        series: &series,
    });
    let doc = check(&svg);
    let groups: Vec<_> = doc
        .descendants()
        .filter(|n| {
            n.attribute("class")
                .is_some_and(|c| c.starts_with("series "))
        })
        .collect();
    assert_eq!(groups.len(), 2);
    let first = groups[0]
        .descendants()
        .find(|n| n.has_tag_name("polygon"))
        .unwrap();
    let second = groups[1]
        .descendants()
        .find(|n| n.has_tag_name("polygon"))
        .unwrap();
    // Dash pattern and marker shape differ, not only the colour.
    assert_eq!(first.attribute("stroke-dasharray"), None);
    assert!(second.attribute("stroke-dasharray").is_some());
    assert!(groups[0].descendants().any(|n| n.has_tag_name("circle")));
    assert!(groups[1].descendants().any(|n| n.has_tag_name("rect")));
    // The missing value has no marker: three in the first series, four in the second.
    let count = |g: &roxmltree::Node<'_, '_>| {
        g.descendants()
            .filter(|n| n.has_attribute("data-value"))
            .count()
    };
    assert_eq!(count(&groups[0]), 3);
    assert_eq!(count(&groups[1]), 4);
    // The first axis points up: 80 sits straight above the centre, 80 % of the way to the ring.
    let top = groups[0]
        .descendants()
        .find(|n| n.attribute("data-value") == Some("80"))
        .unwrap();
    let ring = doc
        .descendants()
        .find(|n| n.has_tag_name("polygon"))
        .unwrap();
    let ring_top: f64 = ring
        .attribute("points")
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .split(',')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let centre = attr_f64(
        doc.descendants().find(|n| n.has_tag_name("line")).unwrap(),
        "y1",
    );
    let ring_25_radius = centre - ring_top;
    assert!((centre - attr_f64(top, "cy") - 0.8 * 4.0 * ring_25_radius).abs() < 0.3);
    // The legend names both series.
    let texts = text_of(&doc, "text");
    assert!(texts.contains(&"Cette évaluation") && texts.contains(&"Précédente"));
}

#[test]
fn box_plot_draws_quartiles_and_the_marker() {
    let rows = [BoxRow {
        label: "Sauvegardes".to_owned(),
        p25: 25.0,
        median: 50.0,
        p75: 75.0,
        marker: Some(90.0),
    }];
    let svg = box_plot(&BoxPlot {
        title: "Pairs",
        description: "…",
        rows: &rows,
    });
    let doc = check(&svg);
    let rect = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("box"))
        .unwrap();
    let median = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("median"))
        .unwrap();
    let marker = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("marker"))
        .unwrap();
    let (x, width) = (attr_f64(rect, "x"), attr_f64(rect, "width"));
    let scale = width / 50.0; // the box spans 25..75
    let zero = x - 25.0 * scale;
    assert!((attr_f64(median, "x1") - (zero + 50.0 * scale)).abs() < 0.2);
    let marker_x: f64 = marker
        .attribute("points")
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .split(',')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!((marker_x - (zero + 90.0 * scale)).abs() < 0.2);
    assert_eq!(marker.attribute("data-value"), Some("90"));
    assert_eq!(rect.attribute("data-p25"), Some("25"));
    assert_eq!(rect.attribute("data-p75"), Some("75"));
}

#[test]
fn box_plot_without_marker_has_none() {
    let rows = [BoxRow {
        label: "A".to_owned(),
        p25: 10.0,
        median: 20.0,
        p75: 30.0,
        marker: None,
    }];
    let svg = box_plot(&BoxPlot {
        title: "t",
        description: "d",
        rows: &rows,
    });
    let doc = check(&svg);
    assert!(
        !doc.descendants()
            .any(|n| n.attribute("class") == Some("marker"))
    );
}

#[test]
fn text_is_escaped_everywhere() {
    let evil = r#"<script>alert("x")</script> & 'co'"#;
    let points = vec![LinePoint {
        label: evil.to_owned(),
        value: 10.0,
    }];
    let axes = vec![evil.to_owned()];
    let values = [Some(10.0)];
    let series = [RadarSeries {
        label: evil,
        values: &values,
    }];
    let rows = [BoxRow {
        label: evil.to_owned(),
        p25: 1.0,
        median: 2.0,
        p75: 3.0,
        marker: None,
    }];
    for svg in [
        line_chart(&LineChart {
            title: evil,
            description: evil,
            points: &points,
        }),
        radar(&RadarChart {
            title: evil,
            description: evil,
            axes: &axes,
            series: &series,
        }),
        box_plot(&BoxPlot {
            title: evil,
            description: evil,
            rows: &rows,
        }),
    ] {
        assert!(!svg.contains("<script"), "{svg}");
        let doc = check(&svg);
        // The parsed text is the original: escaped, not mangled.
        assert!(text_of(&doc, "title").contains(&evil));
        assert!(text_of(&doc, "desc").contains(&evil));
        assert!(text_of(&doc, "text").contains(&evil));
    }
}

#[test]
fn empty_and_odd_inputs_do_not_panic() {
    check(&line_chart(&LineChart {
        title: "",
        description: "",
        points: &[],
    }));
    check(&radar(&RadarChart {
        title: "",
        description: "",
        axes: &[],
        series: &[],
    }));
    check(&box_plot(&BoxPlot {
        title: "",
        description: "",
        rows: &[],
    }));
    let odd = vec![
        LinePoint {
            label: "a".to_owned(),
            value: f64::NAN,
        },
        LinePoint {
            label: "b".to_owned(),
            value: 250.0,
        },
    ];
    let doc_svg = line_chart(&LineChart {
        title: "t",
        description: "d",
        points: &odd,
    });
    let doc = check(&doc_svg);
    let values: Vec<&str> = doc
        .descendants()
        .filter_map(|n| n.attribute("data-value"))
        .collect();
    assert_eq!(values, ["100"]);
    // More values than axes, fewer axes than three, quartiles out of order.
    let axes = vec!["x".to_owned()];
    let values = [Some(1.0), Some(2.0), Some(3.0)];
    let series = [RadarSeries {
        label: "s",
        values: &values,
    }];
    check(&radar(&RadarChart {
        title: "t",
        description: "d",
        axes: &axes,
        series: &series,
    }));
    let rows = [BoxRow {
        label: "r".to_owned(),
        p25: 80.0,
        median: f64::INFINITY,
        p75: 10.0,
        marker: Some(f64::NAN),
    }];
    check(&box_plot(&BoxPlot {
        title: "t",
        description: "d",
        rows: &rows,
    }));
}

#[test]
fn charts_are_deterministic_and_ids_differ_between_charts() {
    let points = history();
    let a = line_chart(&LineChart {
        title: "A",
        description: "d",
        points: &points,
    });
    assert_eq!(
        a,
        line_chart(&LineChart {
            title: "A",
            description: "d",
            points: &points
        })
    );
    let b = line_chart(&LineChart {
        title: "B",
        description: "d",
        points: &points,
    });
    let id = |svg: &str| {
        check(svg)
            .root_element()
            .attribute("aria-labelledby")
            .unwrap()
            .to_owned()
    };
    assert_ne!(id(&a), id(&b));
}

#[test]
fn snapshots() {
    let points = history();
    insta::assert_snapshot!(
        "line",
        line_chart(&LineChart {
            title: "Score global",
            description: "De 40 à 72",
            points: &points
        })
    );
    let axes = vec![
        "Gouvernance".to_owned(),
        "Accès".to_owned(),
        "Sauvegardes".to_owned(),
        "Réseau".to_owned(),
        "Postes".to_owned(),
    ];
    let now = [Some(80.0), Some(50.0), Some(65.0), Some(20.0), None];
    let peers = [Some(60.0), Some(40.0), Some(30.0), Some(10.0), Some(55.0)];
    let series = [
        RadarSeries {
            label: "Votre organisation",
            values: &now,
        },
        RadarSeries {
            label: "Médiane des pairs",
            values: &peers,
        },
    ];
    insta::assert_snapshot!(
        "radar",
        radar(&RadarChart {
            title: "Radar",
            description: "Cinq domaines",
            axes: &axes,
            series: &series
        })
    );
    let rows = [
        BoxRow {
            label: "Gouvernance".to_owned(),
            p25: 30.0,
            median: 45.0,
            p75: 60.0,
            marker: Some(70.0),
        },
        BoxRow {
            label: "Sauvegardes".to_owned(),
            p25: 10.0,
            median: 35.5,
            p75: 52.0,
            marker: Some(12.5),
        },
        BoxRow {
            label: "Réseau".to_owned(),
            p25: 20.0,
            median: 20.0,
            p75: 40.0,
            marker: None,
        },
    ];
    insta::assert_snapshot!(
        "box_plot",
        box_plot(&BoxPlot {
            title: "Vos pairs",
            description: "Trois domaines",
            rows: &rows
        })
    );
}

/// The charts depend on nothing (of posture's crates or others): the dashboard and the reports
/// can both use them.
#[test]
fn the_crate_has_no_dependency() {
    let manifest = include_str!("../Cargo.toml");
    let start = manifest
        .find("\n[dependencies]\n")
        .expect("a [dependencies] table");
    let table = &manifest[start + "\n[dependencies]\n".len()..];
    let table = &table[..table.find("\n[").unwrap_or(table.len())];
    let named: Vec<&str> = table
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect();
    assert!(named.is_empty(), "{named:?}");
}
