//! Networks as files graph tools open: GEXF 1.3 (Gephi), GraphML
//! (networkx, igraph, yEd, Cytoscape) and CSV edge lists (pandas, R).
//! Nodes carry their label, kind and article count (GEXF also a size for
//! Gephi's layout); edges their weight, the articles in common.

use std::io::{self, Write};

use crate::render::escape_xml;
use crate::search::network::Network;

/// GEXF 1.3, undirected.
pub fn write_gexf(out: &mut dyn Write, network: &Network) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">"#
    )?;
    writeln!(
        out,
        "  <meta><creator>newsdex</creator><description>{}</description></meta>",
        escape_xml(&format!(
            "co-occurrence in the {} articles matching {}",
            network.articles, network.query
        ))
    )?;
    writeln!(
        out,
        r#"  <graph mode="static" defaultedgetype="undirected">"#
    )?;
    writeln!(out, r#"    <attributes class="node">"#)?;
    writeln!(
        out,
        r#"      <attribute id="kind" title="kind" type="string"/>"#
    )?;
    writeln!(
        out,
        r#"      <attribute id="articles" title="articles" type="integer"/>"#
    )?;
    writeln!(out, "    </attributes>")?;
    writeln!(out, "    <nodes>")?;
    let most = network
        .nodes
        .iter()
        .map(|n| n.articles)
        .max()
        .unwrap_or(1)
        .max(1);
    for node in &network.nodes {
        // Gephi draws sizes as given: 5 to 50 by the square root of articles.
        let size = 5.0 + 45.0 * (node.articles as f64 / most as f64).sqrt();
        writeln!(
            out,
            r#"      <node id="n{}" label="{}"><attvalues><attvalue for="kind" value="{}"/><attvalue for="articles" value="{}"/></attvalues><viz:size value="{size:.1}"/></node>"#,
            node.id,
            escape_xml(&node.label),
            node.kind.name(),
            node.articles
        )?;
    }
    writeln!(out, "    </nodes>")?;
    writeln!(out, "    <edges>")?;
    for (i, edge) in network.edges.iter().enumerate() {
        writeln!(
            out,
            r#"      <edge id="e{i}" source="n{}" target="n{}" weight="{}"/>"#,
            edge.source, edge.target, edge.weight
        )?;
    }
    writeln!(out, "    </edges>")?;
    writeln!(out, "  </graph>")?;
    writeln!(out, "</gexf>")
}

/// GraphML, undirected.
pub fn write_graphml(out: &mut dyn Write, network: &Network) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    writeln!(
        out,
        r#"  <key id="label" for="node" attr.name="label" attr.type="string"/>"#
    )?;
    writeln!(
        out,
        r#"  <key id="kind" for="node" attr.name="kind" attr.type="string"/>"#
    )?;
    writeln!(
        out,
        r#"  <key id="articles" for="node" attr.name="articles" attr.type="int"/>"#
    )?;
    writeln!(
        out,
        r#"  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>"#
    )?;
    writeln!(out, r#"  <graph id="newsdex" edgedefault="undirected">"#)?;
    for node in &network.nodes {
        writeln!(
            out,
            r#"    <node id="n{}"><data key="label">{}</data><data key="kind">{}</data><data key="articles">{}</data></node>"#,
            node.id,
            escape_xml(&node.label),
            node.kind.name(),
            node.articles
        )?;
    }
    for edge in &network.edges {
        writeln!(
            out,
            r#"    <edge source="n{}" target="n{}"><data key="weight">{}</data></edge>"#,
            edge.source, edge.target, edge.weight
        )?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")
}

/// An edge list: `source,source_kind,target,target_kind,weight`, strongest
/// first (nodes without an edge are left out: `--json` lists every node).
pub fn write_edges_csv(out: &mut dyn Write, network: &Network) -> io::Result<()> {
    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    writeln!(out, "source,source_kind,target,target_kind,weight")?;
    for edge in &network.edges {
        let (a, b) = (&network.nodes[edge.source], &network.nodes[edge.target]);
        writeln!(
            out,
            "{},{},{},{},{}",
            quote(&a.label),
            a.kind.name(),
            quote(&b.label),
            b.kind.name(),
            edge.weight
        )?;
    }
    Ok(())
}
