package org.text2ct.fiji.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class UpdateSiteWriterTest {
    @TempDir
    Path dir;

    /** Reads db.xml.gz back and checks every listed file on the site: present, same size, same checksum. */
    static List<String> verify(Path site) throws Exception {
        Document db;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(site.resolve("db.xml.gz")))) {
            db = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        assertEquals("pluginRecords", db.getDocumentElement().getTagName());
        List<String> names = new ArrayList<>();
        NodeList plugins = db.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element p = (Element) plugins.item(i);
            Element v = (Element) p.getElementsByTagName("version").item(0);
            String name = p.getAttribute("filename");
            Path file = site.resolve(name + "-" + v.getAttribute("timestamp"));
            assertTrue(Files.isRegularFile(file), file + " is listed but missing");
            assertEquals(Long.parseLong(v.getAttribute("filesize")), Files.size(file), name);
            assertEquals(v.getAttribute("checksum"), UpdaterChecksum.of(name, file), name);
            assertTrue(v.getAttribute("timestamp").matches("\\d{14}"), v.getAttribute("timestamp"));
            names.add(name);
        }
        return names;
    }

    @Test
    void siteListsThePluginAndItsJarsWithUnversionedNames() throws Exception {
        Path fiji = dir.resolve("fiji");
        Files.createDirectories(fiji.resolve("plugins"));
        Files.createDirectories(fiji.resolve("jars"));
        UpdaterChecksumTest.jar(fiji.resolve("plugins/Text2CT_-0.1.0-SNAPSHOT.jar"), "me", "a=1\n", "plugin");
        UpdaterChecksumTest.jar(fiji.resolve("jars/api-0.36.0.jar"), "me", "b=1\n", "djl");
        Path site = dir.resolve("site");
        UpdateSiteWriter.write(fiji, site);
        assertEquals(List.of("plugins/Text2CT_.jar", "jars/api.jar"), verify(site));
        String xml;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(site.resolve("db.xml.gz")))) {
            xml = new String(in.readAllBytes());
        }
        assertTrue(xml.contains("<dependency filename=\"jars/api.jar\""), xml);
    }

    @Test
    void aTamperedFileFailsVerification() throws Exception {
        Path fiji = dir.resolve("fiji");
        Files.createDirectories(fiji.resolve("plugins"));
        Path jar = UpdaterChecksumTest.jar(fiji.resolve("plugins/Text2CT_-1.jar"), "me", "a=1\n", "plugin");
        Path site = dir.resolve("site");
        UpdateSiteWriter.write(fiji, site);
        try (var files = Files.walk(site.resolve("plugins"))) {
            Path uploaded = files.filter(Files::isRegularFile).findFirst().orElseThrow();
            UpdaterChecksumTest.jar(uploaded, "me", "a=2\n", "plugin");
        }
        assertThrows(AssertionError.class, () -> verify(site));
        assertTrue(Files.exists(jar));
    }

    @Test
    void refusesAnEmptyPluginsFolder() {
        IOException e = assertThrows(IOException.class, () -> UpdateSiteWriter.write(dir, dir.resolve("site")));
        assertTrue(e.getMessage().contains("has no jar"), e.getMessage());
    }
}
