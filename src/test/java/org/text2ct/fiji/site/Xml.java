package org.text2ct.fiji.site;

/** Escapes text for XML attribute values and element bodies. */
final class Xml {
    private Xml() {
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
