package dev.podium.talks.review;

import dev.podium.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@Controller("/submissions/{id}/reviews")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Reviews", description = "Organisers' scores and comments")
class ReviewController {

    private final ReviewService reviews;

    ReviewController(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Post
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Review a submission (score 1-5, comment)",
            description = "Its group's organisers and admin; the reviewer is the caller; a second review by the same "
                    + "organiser is 409 duplicate-review")
    HttpResponse<ReviewView> review(@PathVariable String id, @Body @Valid ReviewRequest request,
                                    @Nullable Authentication authentication) {
        ReviewView review = reviews.review(id, request, Caller.required(authentication));
        return HttpResponse.created(review, UriBuilder.of("/submissions").path(id).path("reviews").build());
    }

    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "A submission's reviews, average score and count", description = "Its group's organisers and admin")
    ReviewsView reviews(@PathVariable String id, @Nullable Authentication authentication) {
        return reviews.reviews(id, Caller.required(authentication));
    }
}
