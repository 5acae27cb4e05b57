package dev.podium.gateway;

import io.micronaut.core.convert.ConversionService;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpRequestWrapper;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.netty.NettyHttpRequestBuilder;
import java.net.URI;

/**
 * The request the gateway sends to a service: a new request with a copy of the incoming one's method
 * and headers, and the incoming one's body itself, as a stream.
 *
 * <p>Why not {@code request.mutate()}, as Micronaut's proxy example does: the mutable view of a server
 * request writes into the server request's own headers, which the server reads again when it answers.
 * Dropping {@code Connection} for the service, or the HTTP client setting {@code Connection: keep-alive},
 * would then keep open a connection the client asked to close; the client's {@code Host} would be gone.
 * The copy leaves the incoming request as it came.
 *
 * <p>The body goes over as {@link #byteBodyDirect()}, which Micronaut's HTTP client streams to the service
 * chunk by chunk as it arrives (with the incoming {@code Content-Length}, or chunked), the way its own raw
 * request wrapper does. {@link NettyHttpRequestBuilder} is marked internal to Micronaut: if an upgrade
 * changes it, {@code GatewayProxyTest} (bodies and headers forwarded, streaming both ways) says so.
 */
final class ForwardedRequest extends MutableHttpRequestWrapper<Object> implements NettyHttpRequestBuilder {

    private final ByteBody body;

    private ForwardedRequest(MutableHttpRequest<Object> copy, ByteBody body) {
        super(ConversionService.SHARED, copy);
        this.body = body;
    }

    /** A copy of {@code incoming} addressed to {@code target}, carrying its headers and its body. */
    static ForwardedRequest of(HttpRequest<?> incoming, URI target) {
        MutableHttpRequest<Object> copy = HttpRequest.create(incoming.getMethod(), target.toString(), incoming.getMethodName());
        incoming.getHeaders().forEach((name, values) -> values.forEach(value -> copy.getHeaders().add(name, value)));
        ByteBody body = incoming instanceof ServerHttpRequest<?> server ? server.byteBody() : null;
        return new ForwardedRequest(copy, body);
    }

    @Override
    public ByteBody byteBodyDirect() {
        return body;
    }

    @Override
    public io.netty.handler.codec.http.HttpRequest toHttpRequestWithoutBody() {
        return NettyHttpRequestBuilder.asBuilder(getDelegate()).toHttpRequestWithoutBody();
    }
}
