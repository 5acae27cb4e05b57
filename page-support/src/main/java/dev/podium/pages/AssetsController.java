package dev.podium.pages;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The one stylesheet every page uses; every service serves the same copy, so any may answer. */
@Controller("/assets")
@Secured(SecurityRule.IS_ANONYMOUS)
class AssetsController {

    private static final byte[] STYLESHEET = read("assets/podium.css");

    @Get(value = "/podium.css", produces = "text/css;charset=utf-8")
    HttpResponse<byte[]> stylesheet() {
        return HttpResponse.ok(STYLESHEET)
                .contentType(MediaType.of("text/css;charset=utf-8"))
                .header("Cache-Control", "public, max-age=3600");
    }

    private static byte[] read(String resource) {
        try (InputStream in = AssetsController.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from page-support's jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
