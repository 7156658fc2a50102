package dev.voxloop.speech.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a test peer received as multipart/form-data: field names, values, file names. */
public final class MultipartForm {

    private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

    private final Map<String, byte[]> parts = new LinkedHashMap<>();
    private final Map<String, String> filenames = new LinkedHashMap<>();
    private final Map<String, String> contentTypes = new LinkedHashMap<>();

    public static MultipartForm parse(String contentType, byte[] body) {
        String boundary = contentType.substring(contentType.indexOf("boundary=") + 9).replace("\"", "");
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        MultipartForm form = new MultipartForm();
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i + delimiter.length <= body.length; i++) {
            if (matches(body, i, delimiter)) {
                starts.add(i);
            }
        }
        for (int k = 0; k + 1 < starts.size(); k++) {
            int from = starts.get(k) + delimiter.length + 2;
            int to = starts.get(k + 1) - 2;
            String part = new String(body, from, to - from, StandardCharsets.ISO_8859_1);
            int headerEnd = part.indexOf("\r\n\r\n");
            String headers = part.substring(0, headerEnd);
            Matcher n = NAME.matcher(headers);
            n.find();
            String name = n.group(1);
            Matcher f = FILENAME.matcher(headers);
            if (f.find()) {
                form.filenames.put(name, f.group(1));
            }
            for (String h : headers.split("\r\n")) {
                if (h.toLowerCase().startsWith("content-type:")) {
                    form.contentTypes.put(name, h.substring(13).strip());
                }
            }
            byte[] value = new byte[to - from - headerEnd - 4];
            System.arraycopy(body, from + headerEnd + 4, value, 0, value.length);
            form.parts.put(name, value);
        }
        return form;
    }

    private static boolean matches(byte[] b, int at, byte[] d) {
        for (int i = 0; i < d.length; i++) {
            if (b[at + i] != d[i]) {
                return false;
            }
        }
        return true;
    }

    public List<String> names() {
        return new ArrayList<>(parts.keySet());
    }

    public String text(String name) {
        byte[] v = parts.get(name);
        return v == null ? null : new String(v, StandardCharsets.UTF_8);
    }

    public byte[] bytes(String name) {
        return parts.get(name);
    }

    public String filename(String name) {
        return filenames.get(name);
    }

    public String contentType(String name) {
        return contentTypes.get(name);
    }
}
