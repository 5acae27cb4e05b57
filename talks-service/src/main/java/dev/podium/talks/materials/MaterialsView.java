package dev.podium.talks.materials;

import dev.podium.contracts.talks.Reference;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

@Serdeable
public record MaterialsView(
        String submissionId,
        @Nullable String slidesUrl,
        @Nullable String videoUrl,
        @Nullable String codeUrl,
        List<Link> references,
        Instant publishedAt) {

    @Serdeable
    public record Link(String title, String url) {

        Reference reference() {
            return new Reference(title, url);
        }
    }
}
