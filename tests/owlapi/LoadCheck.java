// Loads an RDF file with the OWL API (the library Protégé is built on) and prints, as one JSON object, what
// Protégé would get: the triples the parser left unparsed, the declarations it had to guess, the axioms,
// the annotated ones with their annotation properties, and the OWL 2 DL profile violations by kind.
// Usage: java -cp <owlapi jars>:<this folder> LoadCheck FILE...
// One JSON line per file, in the order given; each file is loaded by a manager of its own.
import java.io.File;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.io.OWLOntologyLoaderMetaData;
import org.semanticweb.owlapi.model.OWLAnnotation;
import org.semanticweb.owlapi.model.OWLAxiom;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;

public class LoadCheck {
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }

    static String counts(Map<String, Integer> m) {
        return m.entrySet().stream().map(e -> quote(e.getKey()) + ": " + e.getValue())
            .collect(Collectors.joining(", ", "{", "}"));
    }

    public static void main(String[] args) throws Exception {
        for (String file : args) {
            System.out.println(report(new File(file)));
        }
    }

    static String report(File file) throws Exception {
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        OWLOntology ontology = manager.loadOntologyFromOntologyDocument(file);
        OWLOntologyLoaderMetaData meta = manager.getOntologyFormat(ontology).getOntologyLoaderMetaData().get();
        String unparsed = meta.getUnparsedTriples().limit(20).map(t -> quote(t.toString()))
            .collect(Collectors.joining(", ", "[", "]"));
        long unparsedCount = meta.getUnparsedTriples().count();
        String guessed = meta.getGuessedDeclarations().entries().stream().limit(20)
            .map(e -> quote(e.getKey() + " " + e.getValue().getSimpleName())).collect(Collectors.joining(", ", "[", "]"));
        int annotated = 0;
        Map<String, Integer> annotationProperties = new TreeMap<>();
        for (OWLAxiom ax : ontology.getAxioms()) {
            if (ax.isLogicalAxiom() && ax.isAnnotated()) {
                annotated++;
                for (OWLAnnotation a : ax.getAnnotations()) {
                    annotationProperties.merge(a.getProperty().getIRI().toString(), 1, Integer::sum);
                }
            }
        }
        Map<String, Integer> violations = new TreeMap<>();
        String examples = "[]";
        java.util.List<String> shown = new java.util.ArrayList<>();
        for (OWLProfileViolation v : new OWL2DLProfile().checkOntology(ontology).getViolations()) {
            violations.merge(v.getClass().getSimpleName(), 1, Integer::sum);
            if (shown.size() < 10) shown.add(quote(v.toString()));
        }
        examples = "[" + String.join(", ", shown) + "]";
        return "{\"triples\": " + meta.getTripleCount()
            + ", \"unparsed\": " + unparsedCount + ", \"unparsed_examples\": " + unparsed
            + ", \"guessed\": " + meta.getGuessedDeclarations().size() + ", \"guessed_examples\": " + guessed
            + ", \"axioms\": " + ontology.getAxiomCount() + ", \"logical_axioms\": " + ontology.getLogicalAxiomCount()
            + ", \"annotated_logical_axioms\": " + annotated
            + ", \"axiom_annotations\": " + counts(annotationProperties)
            + ", \"dl_violations\": " + counts(violations) + ", \"dl_violation_examples\": " + examples + "}";
    }
}
