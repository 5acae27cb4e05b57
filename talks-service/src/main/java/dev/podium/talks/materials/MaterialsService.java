package dev.podium.talks.materials;

import dev.podium.api.NotFound;
import dev.podium.contracts.talks.Materials;
import dev.podium.contracts.talks.TalkMaterialsPublished;
import dev.podium.messaging.outbox.Outbox;
import dev.podium.security.Caller;
import dev.podium.talks.submission.Submission;
import dev.podium.talks.submission.SubmissionAccess;
import dev.podium.talks.submission.Submissions;
import dev.podium.talks.support.Times;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Slides, video, code and references of accepted talks (any time after acceptance), published by the
 * primary speaker or admin. They are public while the talk is (accepted or confirmed, as in the
 * archive); once it is withdrawn, only those who may see the submission still read them.
 */
@Singleton
public class MaterialsService {

    private final TalkMaterialsRepository materials;
    private final Submissions submissions;
    private final SubmissionAccess access;
    private final Outbox outbox;
    private final JsonMapper json;
    private final Clock clock;

    MaterialsService(TalkMaterialsRepository materials, Submissions submissions, SubmissionAccess access, Outbox outbox,
                     JsonMapper json, Clock clock) {
        this.materials = materials;
        this.submissions = submissions;
        this.access = access;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public MaterialsView put(String submissionId, MaterialsRequest request, Caller caller) {
        Submission submission = submissions.lock(submissionId);
        access.requireOwner(submissionId, submission.groupId(), caller);
        submission.requireAccepted();
        List<MaterialsView.Link> references = request.references() == null ? List.of()
                : request.references().stream().map(r -> new MaterialsView.Link(r.title(), r.url())).toList();
        Instant now = Times.now(clock);
        TalkMaterials stored = new TalkMaterials(submissionId, request.slidesUrl(), request.videoUrl(), request.codeUrl(),
                write(references), now);
        if (materials.existsById(submissionId)) {
            materials.update(stored);
        } else {
            materials.save(stored);
        }
        MaterialsView view = view(stored);
        outbox.append(new TalkMaterialsPublished(submissions.snapshot(submission),
                new Materials(view.slidesUrl(), view.videoUrl(), view.codeUrl(),
                        references.stream().map(MaterialsView.Link::reference).toList()), now));
        return view;
    }

    /** @param caller empty for an anonymous request */
    @Transactional(readOnly = true)
    public MaterialsView get(String submissionId, Optional<Caller> caller) {
        Submission submission = submissions.find(submissionId);
        if (!submission.status().isPublic()) {
            boolean sees = caller.map(c -> access.standing(submissionId, submission.groupId(), c).sees()).orElse(false);
            if (!sees) {
                throw new NotFound("submission", submissionId);
            }
        }
        return materials.findById(submissionId).map(this::view).orElseThrow(() -> new NotFound("materials", submissionId));
    }

    /** The materials of those of the given talks that have some. */
    public Map<String, MaterialsView> of(Collection<String> submissionIds) {
        if (submissionIds.isEmpty()) {
            return Map.of();
        }
        return materials.findBySubmissionIdIn(submissionIds).stream().map(this::view)
                .collect(Collectors.toMap(MaterialsView::submissionId, Function.identity()));
    }

    private MaterialsView view(TalkMaterials stored) {
        return new MaterialsView(stored.submissionId(), stored.slidesUrl(), stored.videoUrl(), stored.codeUrl(),
                read(stored.referencesJson()), stored.publishedAt());
    }

    private String write(List<MaterialsView.Link> references) {
        try {
            return json.writeValueAsString(references);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<MaterialsView.Link> read(String references) {
        try {
            return json.readValue(references, Argument.listOf(MaterialsView.Link.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
