package dev.podium.events.calendar;

import static dev.podium.events.calendar.AcceptedTalkFixtures.accept;
import static dev.podium.events.calendar.AcceptedTalkFixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.podium.events.EventsApi;
import dev.podium.events.EventsServiceTest;
import dev.podium.events.event.EventView;
import dev.podium.events.talks.AcceptedTalkRepository;
import dev.podium.testsupport.ProblemResponse;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * GET /events/{id}/schedule.xml and schedule.json: the five-day summer school of the seeds
 * (shared/seeds/001: 2–6 July, keynotes and practical sessions in two rooms), valid against the
 * c3voc schemas that schedule apps are written to.
 */
@MicronautTest(transactional = false)
class ScheduleExportTest extends EventsServiceTest {

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.-]+");
    private static final String LECUN_KEYNOTE = "🌇 Deep learning: past, present, and future";

    @Inject
    AcceptedTalkRepository talks;

    String group;
    String venueName;
    EventView school;

    @BeforeAll
    void summerSchool() {
        group = EventsApi.unique("paiss");
        client.toBlocking().retrieve(api.asOrganiser(HttpRequest.POST("/groups", Map.of("slug", group,
                "name", "PRAIRIE AI Summer School", "description", "Cours intensifs en intelligence artificielle à Grenoble",
                "timeZone", "Europe/Paris", "language", "en",
                "organisers", List.of(Map.of("name", "Julien Mairal", "email", group + "-orga@example.org"))))));
        venueName = "Inria Grenoble – Rhône-Alpes";
        String venueId = client.toBlocking().retrieve(api.asOrganiser(HttpRequest.POST("/venues", Map.of("name", venueName,
                "address", "655 avenue de l'Europe", "city", "Montbonnot-Saint-Martin", "country", "France",
                "capacity", 250, "notes", "Lunch served in the cafeteria"))), Map.class).get("id").toString();
        school = api.draft(group, Map.of("title", "PAISS 2029 — Artificial Intelligence Summer School",
                "description", "5-day summer school, co-organised by Inria/Univ. Grenoble Alpes and NAVER LABS Europe.",
                "startsAt", "2029-07-02T09:00:00", "endsAt", "2029-07-06T18:00:00", "venueId", venueId));
        api.publish(school.id());
        putAgenda(school.id());
    }

    @Test
    void exportsTheSummerSchoolAsScheduleXmlValidAgainstTheXsd() throws Exception {
        HttpResponse<byte[]> response = get("/events/" + school.id() + "/schedule.xml", "application/vnd.c3voc.schedule+xml");
        String text = new String(response.body(), StandardCharsets.UTF_8);

        assertThat(response.getContentType().map(Object::toString))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/vnd.c3voc.schedule+xml"));
        validateAgainstXsd(response.body());
        assertThat(text).doesNotContain("@example.org");
        assertThat(EMAIL.matcher(text).find()).as("an email address in\n" + text).isFalse();

        Document xml = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(new ByteArrayInputStream(response.body()));
        XPath path = XPathFactory.newInstance().newXPath();
        assertThat(path.evaluate("count(/schedule/day)", xml)).isEqualTo("5");
        assertThat(path.evaluate("/schedule/conference/days", xml)).isEqualTo("5");
        assertThat(path.evaluate("/schedule/conference/acronym", xml)).isEqualTo(group.replace('-', '_') + "_2029");
        assertThat(path.evaluate("/schedule/conference/title", xml)).isEqualTo("PAISS 2029 — Artificial Intelligence Summer School");
        assertThat(path.evaluate("/schedule/conference/start", xml)).isEqualTo("2029-07-02T09:00:00+02:00");
        assertThat(path.evaluate("/schedule/conference/end", xml)).isEqualTo("2029-07-06T18:00:00+02:00");
        assertThat(path.evaluate("/schedule/conference/time_zone_name", xml)).isEqualTo("Europe/Paris");
        assertThat(path.evaluate("/schedule/conference/timeslot_duration", xml)).isEqualTo("00:05");
        assertThat(path.evaluate("/schedule/day[1]/@date", xml)).isEqualTo("2029-07-02");
        assertThat(path.evaluate("/schedule/day[1]/@start", xml)).isEqualTo("2029-07-02T09:00:00+02:00");
        assertThat(path.evaluate("/schedule/day[5]/@end", xml)).isEqualTo("2029-07-06T17:00:00+02:00");
        assertThat(texts(path, xml, "/schedule/day[1]/room/@name")).containsExactly("Grand Amphi", venueName, "Salle F107");

        String keynote = "/schedule/day[1]/room[@name='Grand Amphi']/event[title='" + LECUN_KEYNOTE + "']";
        assertThat(path.evaluate(keynote + "/start", xml)).isEqualTo("09:00");
        assertThat(path.evaluate(keynote + "/duration", xml)).isEqualTo("01:30");
        assertThat(path.evaluate(keynote + "/date", xml)).isEqualTo("2029-07-02T09:00:00+02:00");
        assertThat(path.evaluate(keynote + "/type", xml)).isEqualTo("keynote");
        assertThat(path.evaluate(keynote + "/track", xml)).isEqualTo("Lectures");
        assertThat(path.evaluate(keynote + "/language", xml)).isEqualTo("en");
        assertThat(path.evaluate(keynote + "/persons/person", xml)).isEqualTo("Yann LeCun");
        assertThat(path.evaluate(keynote + "/abstract", xml)).contains("$\\nabla_\\theta \\mathcal{L}$").contains("🌍");
        assertThat(path.evaluate(keynote + "/@guid", xml)).matches("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
        assertThat(path.evaluate("/schedule/day[1]/room[@name='" + venueName + "']/event/title", xml)).isEqualTo("Coffee break ☕");
        assertThat(path.evaluate("/schedule/day[1]/room[@name='Salle F107']/event/type", xml)).isEqualTo("practical");
        assertThat(texts(path, xml, "/schedule/day[3]/room/event[start='14:00']/room"))
                .as("two sessions at once, one in each room").containsExactly("Grand Amphi", "Salle F107");
        assertThat(texts(path, xml, "//event/persons/person")).contains("Cordelia Schmid", "Kyunghyun Cho", "Hugo Larochelle");
    }

    @Test
    void exportsTheSummerSchoolAsScheduleJsonValidAgainstTheJsonSchema() throws Exception {
        HttpResponse<byte[]> response = get("/events/" + school.id() + "/schedule.json", "application/json");
        String text = new String(response.body(), StandardCharsets.UTF_8);

        assertThat(response.getContentType().map(Object::toString)).hasValue("application/json");
        JsonNode json = new ObjectMapper().readTree(response.body());
        assertThat(validateAgainstJsonSchema(json)).isEmpty();
        assertThat(text).doesNotContain("@example.org");
        assertThat(EMAIL.matcher(text).find()).as("an email address in\n" + text).isFalse();

        JsonNode conference = json.at("/schedule/conference");
        assertThat(conference.get("daysCount").asInt()).isEqualTo(5);
        assertThat(conference.get("days")).hasSize(5);
        assertThat(conference.get("time_zone_name").asText()).isEqualTo("Europe/Paris");
        assertThat(conference.get("rooms").findValuesAsText("name")).containsExactly("Grand Amphi", venueName, "Salle F107");
        JsonNode keynote = conference.at("/days/0/rooms/Grand Amphi/0");
        assertThat(keynote.get("title").asText()).isEqualTo(LECUN_KEYNOTE);
        assertThat(keynote.get("start").asText()).isEqualTo("09:00");
        assertThat(keynote.get("end").asText()).isEqualTo("2029-07-02T10:30:00+02:00");
        assertThat(keynote.get("type").asText()).isEqualTo("keynote");
        assertThat(keynote.at("/persons/0/name").asText()).isEqualTo("Yann LeCun");
        assertThat(keynote.get("persons").get(0).fieldNames()).toIterable().containsExactly("name", "guid");
        assertThat(keynote.get("subtitle").isNull()).as("required by the schema, even when empty").isTrue();
        JsonNode practical = conference.at("/days/4/rooms/Salle F107/0");
        assertThat(practical.get("title").asText()).isEqualTo("🔥 PyTorch Practical Session by FAIR");
        assertThat(practical.get("persons")).isEmpty();
        assertThat(practical.get("abstract").isNull()).isTrue();
    }

    @Test
    void bothFormatsShowTheSameSessionsUnderGuidsThatStayTheSame() throws Exception {
        JsonNode first = json("/events/" + school.id() + "/schedule.json");
        JsonNode again = json("/events/" + school.id() + "/schedule.json");
        Document xml = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(get("/events/" + school.id() + "/schedule.xml", "*/*").body()));
        XPath path = XPathFactory.newInstance().newXPath();

        List<String> guids = sessionGuids(first);
        assertThat(guids).hasSize(13).doesNotHaveDuplicates();
        assertThat(sessionGuids(again)).isEqualTo(guids);
        assertThat(again.at("/schedule/version")).isEqualTo(first.at("/schedule/version"));
        assertThat(texts(path, xml, "//event/@guid")).containsExactlyInAnyOrderElementsOf(guids);
        assertThat(path.evaluate("/schedule/version", xml)).isEqualTo(first.at("/schedule/version").asText());
    }

    @Test
    void aDraftOrAnUnknownEventHasNoSchedule() {
        EventView draft = api.draft(group, Map.of("title", "PAISS 2030", "startsAt", "2030-07-01T09:00:00",
                "endsAt", "2030-07-05T18:00:00"));

        ProblemResponse.of(() -> get("/events/" + draft.id() + "/schedule.xml", "*/*")).assertProblem(404, "not-found");
        ProblemResponse.of(() -> get("/events/" + draft.id() + "/schedule.json", "application/json")).assertProblem(404, "not-found");
        ProblemResponse.of(() -> get("/events/no-such-event/schedule.json", "application/json")).assertProblem(404, "not-found");
    }

    private void putAgenda(String eventId) {
        String lecun = accept(talks, eventId, LECUN_KEYNOTE,
                "From $\\nabla_\\theta \\mathcal{L}$ to self-supervised world models 🌍: what is still missing in AI.",
                "Yann LeCun", "VP & Chief AI Scientist @ FB, Professor @ NYU");
        String zisserman = accept(talks, eventId, "🎓 Self-supervised Learning",
                "Proxy tasks such as relative position, colourisation and the arrow of time.", "Andrew Zisserman", "University of Oxford");
        String schmid = accept(talks, eventId, "📹 Action Recognition", "Optical flow, two-stream networks and beyond.",
                "Cordelia Schmid", "Inria");
        String mairal = accept(talks, eventId, "📊 Large-Scale Optimization for Machine Learning",
                "Minimising a cost function over hundreds of terabytes of data.", "Julien Mairal", "Research Scientist @ Inria Grenoble");
        String hebert = accept(talks, eventId, "🤖 Robotics for Vision", "What robots need from computer vision.",
                "Martial Hebert", "Carnegie Mellon University");
        String perez = accept(talks, eventId, "📖 Machine Reading", "The bAbI project: all the tests!", "Julien Perez",
                "NAVER LABS Europe");
        String cho = accept(talks, eventId, "🌏 Machine Translation", "Neural machine translation, from RNNs to attention.",
                "Kyunghyun Cho", "New York University");
        String larochelle = accept(talks, eventId, "Generalizing From Few Examples with Meta-Learning",
                "Coming up with a learning algorithm that learns from few examples.", "Hugo Larochelle", "Google Brain");
        List<Map<String, Object>> slots = new ArrayList<>(List.of(
                slot("2029-07-02T09:00:00", "2029-07-02T10:30:00", "KEYNOTE", LECUN_KEYNOTE, lecun, "Lectures", "Grand Amphi"),
                slot("2029-07-02T10:30:00", "2029-07-02T11:00:00", "BREAK", "Coffee break ☕", null, null, null),
                slot("2029-07-02T11:00:00", "2029-07-02T12:30:00", "TALK", "🎓 Self-supervised Learning", zisserman, "Lectures", "Grand Amphi"),
                slot("2029-07-02T14:00:00", "2029-07-02T17:00:00", "PRACTICAL", "🖼 Image retrieval", null, "Practicals", "Salle F107"),
                slot("2029-07-03T09:00:00", "2029-07-03T10:30:00", "KEYNOTE", "📹 Action Recognition", schmid, "Lectures", "Grand Amphi"),
                slot("2029-07-03T11:00:00", "2029-07-03T12:30:00", "TALK", "📊 Large-Scale Optimization for Machine Learning", mairal,
                        "Lectures", "Grand Amphi"),
                slot("2029-07-04T09:00:00", "2029-07-04T10:30:00", "TALK", "🤖 Robotics for Vision", hebert, "Lectures", "Grand Amphi"),
                slot("2029-07-04T14:00:00", "2029-07-04T15:30:00", "TALK", "📖 Machine Reading", perez, "Lectures", "Grand Amphi"),
                slot("2029-07-04T14:00:00", "2029-07-04T17:00:00", "PRACTICAL", "🛒 Reinforcement Learning by Criteo", null,
                        "Practicals", "Salle F107"),
                slot("2029-07-05T09:00:00", "2029-07-05T10:30:00", "TALK", "🌏 Machine Translation", cho, "Lectures", "Grand Amphi"),
                slot("2029-07-05T18:00:00", "2029-07-05T21:00:00", "SOCIAL", "Dîner de gala 🥂", null, null, "Salle F107"),
                slot("2029-07-06T09:00:00", "2029-07-06T10:30:00", "TALK", "Generalizing From Few Examples with Meta-Learning",
                        larochelle, "Lectures", "Grand Amphi"),
                slot("2029-07-06T14:00:00", "2029-07-06T17:00:00", "PRACTICAL", "🔥 PyTorch Practical Session by FAIR", null,
                        "Practicals", "Salle F107")));
        client.toBlocking().retrieve(api.asOrganiser(HttpRequest.PUT("/events/" + eventId + "/agenda", Map.of("slots", slots))));
    }

    private HttpResponse<byte[]> get(String uri, String accept) {
        return client.toBlocking().exchange(HttpRequest.GET(uri).accept(accept), byte[].class);
    }

    private JsonNode json(String uri) throws Exception {
        return new ObjectMapper().readTree(get(uri, "application/json").body());
    }

    private static List<String> sessionGuids(JsonNode schedule) {
        List<String> guids = new ArrayList<>();
        for (JsonNode day : schedule.at("/schedule/conference/days")) {
            day.get("rooms").forEach(sessions -> sessions.forEach(session -> guids.add(session.get("guid").asText())));
        }
        return guids;
    }

    private static void validateAgainstXsd(byte[] xml) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try {
            factory.newSchema(Standards.c3vocSchedule("schedule.xsd").toFile()).newValidator()
                    .validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (org.xml.sax.SAXException e) {
            throw new AssertionError("not valid against schedule.xsd: " + e.getMessage() + "\n"
                    + new String(xml, StandardCharsets.UTF_8), e);
        }
    }

    private static Set<ValidationMessage> validateAgainstJsonSchema(JsonNode json) throws Exception {
        try (InputStream schemaText = Files.newInputStream(Standards.c3vocSchedule("schedule.json"))) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V6)
                    .getSchema(schemaText, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
            return schema.validate(json);
        }
    }

    private static List<String> texts(XPath path, Document xml, String expression) {
        try {
            NodeList nodes = (NodeList) path.evaluate(expression, xml, XPathConstants.NODESET);
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                texts.add(nodes.item(i).getTextContent());
            }
            return texts;
        } catch (Exception e) {
            throw new IllegalArgumentException(expression, e);
        }
    }
}
