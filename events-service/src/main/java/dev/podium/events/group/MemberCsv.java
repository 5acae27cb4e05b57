package dev.podium.events.group;

import dev.podium.api.BadRequest;
import dev.podium.api.PlainTexts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads "name,email" lines (as exported by Meetup.com and most mailing tools). A header line is
 * skipped; names may be quoted and contain commas. Any bad line rejects the whole file, naming the
 * lines, so an import is all or nothing. Duplicate addresses in the file count once.
 */
final class MemberCsv {

    static final int MAX_ROWS = 50_000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,;\"<>]+@[^@\\s,;\"<>]+\\.[^@\\s,;\"<>]+");

    private MemberCsv() {
    }

    static List<PersonRequest> parse(String csv) {
        Map<String, PersonRequest> people = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        String[] lines = csv.strip().split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || i == 0 && line.toLowerCase(Locale.ROOT).replace("\"", "").startsWith("name,")) {
                continue;
            }
            List<String> fields = fields(line);
            String name = fields.isEmpty() ? "" : fields.get(0).strip();
            String email = fields.size() < 2 ? "" : fields.get(1).strip();
            if (fields.size() != 2 || name.isEmpty() || name.length() > 200 || !PlainTexts.plain(name, false) || email.length() > 254 || !EMAIL.matcher(email).matches()) {
                errors.add("line " + (i + 1));
            } else {
                people.putIfAbsent(email.toLowerCase(Locale.ROOT), new PersonRequest(name, email, null));
            }
        }
        if (!errors.isEmpty()) {
            throw new BadRequest("invalid-csv", "Invalid member CSV",
                    "Expected \"name,email\" with a valid address on " + String.join(", ", errors.subList(0, Math.min(20, errors.size())))
                            + (errors.size() > 20 ? " and " + (errors.size() - 20) + " more" : ""));
        }
        if (people.size() > MAX_ROWS) {
            throw new BadRequest("csv-too-large", "Too many members", "At most " + MAX_ROWS + " members per import");
        }
        return List.copyOf(people.values());
    }

    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
