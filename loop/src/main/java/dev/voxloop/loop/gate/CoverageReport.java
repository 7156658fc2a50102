package dev.voxloop.loop.gate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Line coverage from a JaCoCo XML report: {@code package/SourceFile.java} to line number to covered. Only lines
 * JaCoCo knows are executable appear. The sample project's offline tool writes the same format.
 */
public record CoverageReport(Map<String, Map<Integer, Boolean>> lines) {

    public static CoverageReport read(Path xml) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            Document doc = b.parse(xml.toFile());
            Map<String, Map<Integer, Boolean>> out = new HashMap<>();
            NodeList pkgs = doc.getElementsByTagName("package");
            for (int p = 0; p < pkgs.getLength(); p++) {
                Element pkg = (Element) pkgs.item(p);
                String pname = pkg.getAttribute("name");
                NodeList files = pkg.getElementsByTagName("sourcefile");
                for (int s = 0; s < files.getLength(); s++) {
                    Element sf = (Element) files.item(s);
                    String key = (pname.isEmpty() ? "" : pname + "/") + sf.getAttribute("name");
                    Map<Integer, Boolean> m = out.computeIfAbsent(key, k -> new HashMap<>());
                    NodeList ls = sf.getElementsByTagName("line");
                    for (int l = 0; l < ls.getLength(); l++) {
                        Element line = (Element) ls.item(l);
                        int nr = Integer.parseInt(line.getAttribute("nr"));
                        int ci = Integer.parseInt(line.getAttribute("ci").isEmpty() ? "0" : line.getAttribute("ci"));
                        m.merge(nr, ci > 0, Boolean::logicalOr);
                    }
                }
            }
            return new CoverageReport(out);
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException | RuntimeException e) {
            throw new IOException("cannot read coverage report " + xml + ": " + e.getMessage(), e);
        }
    }

    /** Lines of a repository path, matched by its package-relative suffix ({@code src/main/java/a/B.java}). */
    public Map<Integer, Boolean> forPath(String repoPath) {
        for (var e : lines.entrySet()) {
            if (repoPath.endsWith("/" + e.getKey()) || repoPath.equals(e.getKey())) {
                return e.getValue();
            }
        }
        return Map.of();
    }
}
