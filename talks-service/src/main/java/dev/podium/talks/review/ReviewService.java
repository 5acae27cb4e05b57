package dev.podium.talks.review;

import dev.podium.api.Conflict;
import dev.podium.persistence.ConflictRetry;
import dev.podium.persistence.DuplicateKey;
import dev.podium.security.Caller;
import dev.podium.talks.catalog.OrganiserAccess;
import dev.podium.talks.submission.Submission;
import dev.podium.talks.submission.SubmissionAccess;
import dev.podium.talks.submission.Submissions;
import dev.podium.talks.support.Ids;
import dev.podium.talks.support.Times;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;

/**
 * The organisers of a submission's group (and admin) score it; each reviews a submission once.
 * Speakers never see reviews: their view of a submission has none.
 */
@Singleton
public class ReviewService {

    private final ReviewRepository reviews;
    private final Submissions submissions;
    private final SubmissionAccess access;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    ReviewService(ReviewRepository reviews, Submissions submissions, SubmissionAccess access,
                  TransactionOperations<Connection> transactions, Clock clock) {
        this.reviews = reviews;
        this.submissions = submissions;
        this.access = access;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @throws Conflict duplicate-review (409) when this organiser already reviewed it (the unique key decides) */
    public ReviewView review(String submissionId, ReviewRequest request, Caller caller) {
        String reviewer = OrganiserAccess.label(caller);
        return DuplicateKey.refused("uk_review_reviewer_sub",
                () -> new Conflict("duplicate-review", "Already reviewed",
                        reviewer + " has already reviewed submission " + submissionId),
                () -> ConflictRetry.retried(() -> transactions.executeWrite(status -> {
                    Submission submission = submissions.find(submissionId);
                    access.requireOrganiser(submissionId, submission.groupId(), caller);
                    submission.requireNotWithdrawn();
                    Review review = new Review(Ids.newId(), submissionId, reviewer, caller.sub(), request.score(),
                            blankToNull(request.comment()), Times.now(clock));
                    return ReviewView.of(reviews.save(review));
                })));
    }

    public ReviewsView reviews(String submissionId, Caller caller) {
        return transactions.executeRead(status -> {
            Submission submission = submissions.find(submissionId);
            access.requireOrganiser(submissionId, submission.groupId(), caller);
            List<ReviewView> all = reviews.findBySubmission(submissionId).stream().map(ReviewView::of).toList();
            Double average = all.isEmpty() ? null
                    : Math.round(all.stream().mapToInt(ReviewView::score).average().orElseThrow() * 100) / 100.0;
            return new ReviewsView(submissionId, average, all.size(), all);
        });
    }

    private static String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
