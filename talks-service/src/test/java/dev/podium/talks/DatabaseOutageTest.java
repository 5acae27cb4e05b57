package dev.podium.talks;

import dev.podium.testsupport.DatabaseOutageContract;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(transactional = false)
class DatabaseOutageTest extends DatabaseOutageContract {

    /** The public archive of accepted talks. */
    @Override
    protected MutableHttpRequest<?> aRead() {
        return HttpRequest.GET("/talks?size=10");
    }
}
