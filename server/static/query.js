// The query editor: YASGUI wired to this server's /sparql, with the stored questions as examples.
(function () {
  "use strict";
  const BASE = "https://w3id.org/ijkg/";
  const root = document.getElementById("yasgui");
  const endpoint = new URL(root.dataset.endpoint, window.location.href).href;
  const gallery = JSON.parse(document.getElementById("gallery-data").textContent);
  const prefixes = JSON.parse(document.getElementById("prefix-data").textContent);

  // Class and property completion asks an outside service (LOV); this page asks nothing outside.
  Yasgui.Yasqe.defaults.autocompleters = Yasgui.Yasqe.defaults.autocompleters.filter(
    (name) => name !== "class" && name !== "property"
  );

  const yasgui = new Yasgui(root, {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: () => [{ endpoint: endpoint }], keys: [] },
    persistenceId: null,
    yasr: { prefixes: prefixes },
    yasqe: { value: gallery.length ? gallery[0].query : "SELECT * WHERE { ?s ?p ?o } LIMIT 10" },
  });

  // Results link the graph's IRIs to their pages on this server, in the same tab.
  function localise(container) {
    container.querySelectorAll("a[href^='" + BASE + "']").forEach((a) => {
      a.setAttribute("href", "/" + a.getAttribute("href").slice(BASE.length));
      a.removeAttribute("target");
    });
  }
  new MutationObserver(() => localise(root)).observe(root, { childList: true, subtree: true });

  function show(item, run) {
    const tab = yasgui.getTab();
    const yasqe = tab.getYasqe();
    yasqe.setValue(item.query);
    document.querySelectorAll(".gallery a.example").forEach((a) => {
      if (a.dataset.name === item.name) a.setAttribute("aria-current", "true");
      else a.removeAttribute("aria-current");
    });
    if (run) yasqe.query();
  }

  document.querySelectorAll(".gallery a.example").forEach((a) => {
    a.addEventListener("click", (event) => {
      event.preventDefault();
      const item = gallery.find((q) => q.name === a.dataset.name);
      if (item) show(item, true);
    });
  });
  // /query?example=<name> opens with that question, run.
  const wanted = gallery.find((q) => q.name === root.dataset.example);
  if (wanted) show(wanted, true);
  window.kgEditor = { yasgui: yasgui, show: show };
})();
