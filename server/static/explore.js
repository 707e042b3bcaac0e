// The graph view: an entity and its neighbours, drawn with vis-network; select a node to expand it.
(function () {
  "use strict";
  const el = document.getElementById("graph");
  const api = el.dataset.api;
  const center = el.dataset.iri;
  const list = document.getElementById("neighbour-list");
  const nodes = new vis.DataSet();
  const edges = new vis.DataSet();
  const expanded = new Set();
  const network = new vis.Network(
    el,
    { nodes: nodes, edges: edges },
    {
      nodes: { shape: "dot", size: 12, font: { size: 13 } },
      edges: { arrows: "to", font: { size: 10, align: "middle" }, color: { inherit: false, color: "#8894a8" } },
      physics: { barnesHut: { springLength: 160, avoidOverlap: 0.3 }, stabilization: { iterations: 200 } },
      interaction: { hover: true, keyboard: { enabled: true, bindToWindow: false } },
    }
  );

  function addNeighbours(data) {
    data.nodes.forEach((n) => {
      if (!nodes.get(n.id)) {
        nodes.add({ id: n.id, label: n.label, title: n.type || "", group: n.type || "other", href: n.href });
      }
    });
    data.edges.forEach((e) => {
      const id = e.from + " " + e.predicate + " " + e.to;
      if (!edges.get(id)) {
        edges.add({ id: id, from: e.from, to: e.to, label: e.label, dashes: e.inferred, title: e.inferred ? "inferred" : "stated" });
      }
    });
  }

  async function expand(iri) {
    if (expanded.has(iri)) return;
    expanded.add(iri);
    const response = await fetch(api + "?iri=" + encodeURIComponent(iri), { headers: { Accept: "application/json" } });
    if (!response.ok) return;
    const data = await response.json();
    addNeighbours(data);
    if (iri === center) {
      nodes.update({ id: center, size: 20, font: { size: 16, bold: true } });
      list.replaceChildren(
        ...data.nodes
          .filter((n) => n.id !== center)
          .map((n) => {
            const li = document.createElement("li");
            const a = document.createElement("a");
            a.href = n.href;
            a.textContent = n.label;
            li.append(a);
            if (n.type) li.append(" (" + n.type + ")");
            return li;
          })
      );
      el.dataset.loaded = String(data.nodes.length);
    }
  }

  function open(id) {
    const node = nodes.get(id);
    if (node && node.href) window.location.href = node.href;
  }

  network.on("click", (params) => {
    if (params.nodes.length) expand(params.nodes[0]);
  });
  network.on("doubleClick", (params) => {
    if (params.nodes.length) open(params.nodes[0]);
  });
  el.addEventListener("keydown", (event) => {
    const selected = network.getSelectedNodes();
    if (event.key === "Enter" && selected.length) open(selected[0]);
  });
  expand(center);
})();
