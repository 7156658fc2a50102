package dev.voxloop.speech.engine.offline;

import java.util.ArrayList;
import java.util.List;

/**
 * Rough English letter-to-sound rules (longest spelling first) for words CMUdict lacks, such as product names
 * and project keys. Good enough to let the recogniser find a word it would otherwise never output.
 */
final class LetterToSound {

    static final List<String> DIGITS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine");

    private static final String[][] RULES = {
        {"tion", "SH AH N"}, {"sion", "ZH AH N"}, {"ture", "CH ER"}, {"ough", "AO"}, {"eigh", "EY"},
        {"igh", "AY"}, {"tch", "CH"}, {"dge", "JH"}, {"sch", "S K"}, {"ck", "K"}, {"ch", "CH"}, {"sh", "SH"},
        {"th", "TH"}, {"ph", "F"}, {"wh", "W"}, {"ng", "NG"}, {"qu", "K W"}, {"kn", "N"}, {"wr", "R"},
        {"gh", "G"}, {"ee", "IY"}, {"ea", "IY"}, {"oo", "UW"}, {"ai", "EY"}, {"ay", "EY"}, {"ei", "EY"},
        {"ey", "IY"}, {"ou", "AW"}, {"ow", "OW"}, {"oi", "OY"}, {"oy", "OY"}, {"au", "AO"}, {"aw", "AO"},
        {"ie", "IY"}, {"ue", "UW"}, {"ew", "UW"}, {"oa", "OW"}, {"ar", "AA R"}, {"er", "ER"}, {"ir", "ER"},
        {"ur", "ER"}, {"or", "AO R"}, {"a", "AE"}, {"e", "EH"}, {"i", "IH"}, {"o", "AA"}, {"u", "AH"},
        {"b", "B"}, {"c", "K"}, {"d", "D"}, {"f", "F"}, {"g", "G"}, {"h", "HH"}, {"j", "JH"}, {"k", "K"},
        {"l", "L"}, {"m", "M"}, {"n", "N"}, {"p", "P"}, {"r", "R"}, {"s", "S"}, {"t", "T"}, {"v", "V"},
        {"w", "W"}, {"x", "K S"}, {"z", "Z"},
    };

    private LetterToSound() {
    }

    static String convert(String word) {
        String w = word.replaceAll("[^a-z]", "");
        if (w.length() > 3 && w.endsWith("e") && !w.endsWith("ee")) {
            w = w.substring(0, w.length() - 1); // silent final e
        }
        List<String> phones = new ArrayList<>();
        int i = 0;
        while (i < w.length()) {
            char c = w.charAt(i);
            if (c == 'y') {
                phones.add(i == 0 ? "Y" : (i == w.length() - 1 ? "IY" : "IH"));
                i++;
                continue;
            }
            if (c == 'c' && i + 1 < w.length() && "eiy".indexOf(w.charAt(i + 1)) >= 0) {
                phones.add("S");
                i++;
                continue;
            }
            String[] rule = match(w, i);
            if (rule == null) {
                i++;
                continue;
            }
            for (String p : rule[1].split(" ")) {
                if (phones.isEmpty() || !phones.get(phones.size() - 1).equals(p)) {
                    phones.add(p);
                }
            }
            i += rule[0].length();
        }
        return String.join(" ", phones);
    }

    private static String[] match(String w, int at) {
        for (String[] rule : RULES) {
            if (w.startsWith(rule[0], at)) {
                return rule;
            }
        }
        return null;
    }
}
