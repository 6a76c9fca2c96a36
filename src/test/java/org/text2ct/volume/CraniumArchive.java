package org.text2ct.volume;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads InVesalius' {@code .inv3} project (a gzip tar): {@code main.plist} states dtype, shape
 * (z, y, x), spacing (x, y, z) and the scalar range; {@code matrix.dat} holds the raw voxels.
 */
public final class CraniumArchive {
    /** What main.plist states, and the volume built from matrix.dat with identity direction. */
    public record Scan(CtVolume volume, String dtype, int[] shapeZyx, double[] spacing, double[] scalarRange) {
    }

    private CraniumArchive() {
    }

    public static Scan read(Path inv3) throws Exception {
        Map<String, byte[]> files = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new GzipCompressorInputStream(new BufferedInputStream(Files.newInputStream(inv3))))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                String name = Path.of(e.getName()).getFileName().toString();
                if (name.equals("main.plist") || name.equals("matrix.dat")) {
                    files.put(name, tar.readAllBytes());
                }
            }
        }
        Element root = plistRoot(files.get("main.plist"));
        Element matrix = dictValue(root, "matrix");
        String dtype = dictValue(matrix, "dtype").getTextContent();
        List<Element> shape = children(dictValue(matrix, "shape"));
        int[] zyx = {Integer.parseInt(shape.get(0).getTextContent()), Integer.parseInt(shape.get(1).getTextContent()),
            Integer.parseInt(shape.get(2).getTextContent())};
        double[] spacing = numbers(dictValue(root, "spacing"));
        double[] range = numbers(dictValue(root, "scalar_range"));
        if (!dtype.equals("int16")) {
            throw new IOException("expected int16 voxels, plist says " + dtype);
        }
        ByteBuffer data = ByteBuffer.wrap(files.get("matrix.dat")).order(ByteOrder.LITTLE_ENDIAN);
        CtVolume v = CtVolume.filled(zyx[2], zyx[1], zyx[0], 0f, spacing, new double[3], Orientation.directionOf("RAS"));
        for (int z = 0; z < zyx[0]; z++) {
            float[] plane = v.plane(z);
            for (int i = 0; i < plane.length; i++) {
                plane[i] = data.getShort();
            }
        }
        return new Scan(v, dtype, zyx, spacing, range);
    }

    private static Element plistRoot(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Element plist = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
        return children(plist).get(0);
    }

    /** The element after {@code <key>name</key>} in a plist dict. */
    private static Element dictValue(Element dict, String key) throws IOException {
        List<Element> kids = children(dict);
        for (int i = 0; i + 1 < kids.size(); i += 2) {
            if (kids.get(i).getTextContent().equals(key)) {
                return kids.get(i + 1);
            }
        }
        throw new IOException("plist has no key " + key);
    }

    private static double[] numbers(Element array) {
        return children(array).stream().mapToDouble(e -> Double.parseDouble(e.getTextContent())).toArray();
    }

    private static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = e.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                out.add((Element) nodes.item(i));
            }
        }
        return out;
    }
}
