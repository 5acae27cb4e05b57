package dev.podium.notifications.email;

import dev.podium.contracts.talks.TalkSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;

/** A talk submission as email templates show it. */
public final class TalkModel {

    private TalkModel() {
    }

    public static Map<String, Object> of(TalkSnapshot talk) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", talk.submissionId());
        model.put("title", talk.title());
        model.put("abstract", talk.abstractText());
        model.put("format", talk.format());
        model.put("durationMinutes", talk.durationMinutes());
        model.put("speakers", EventModel.speakers(talk.speakers()));
        model.put("tags", String.join(", ", talk.tags()));
        return model;
    }
}
