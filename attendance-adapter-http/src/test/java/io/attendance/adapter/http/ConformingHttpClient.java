package io.attendance.adapter.http;

import io.attendance.adapter.http.OpenApiConformance.Intent;
import io.attendance.adapter.http.OpenApiConformance.Received;
import io.attendance.adapter.http.OpenApiConformance.Sent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient} that holds every exchange it makes to the OpenAPI document
 * ({@link OpenApiConformance}), the tests' one way to call the service over {@code java.net.http}.
 * {@link #send} and {@link #sendAsync} check the request before it is sent, and its answer;
 * {@link #sendDeliberatelyInvalid} is for a request a test sends malformed on purpose, and checks the
 * answer only. The answer is checked once its body has arrived whole, without holding it back
 * from a caller that streams it; a departure from the document fails the call with an
 * {@link AssertionError} (for a body read as a stream, the read that reaches its end).
 */
public final class ConformingHttpClient extends HttpClient {
    /** How long a request body may take to be produced: the publishers the tests use have it at once. */
    private static final long BODY_SECONDS = 10;

    private final HttpClient client;
    private final OpenApiConformance conformance;

    private ConformingHttpClient(HttpClient client, OpenApiConformance conformance) {
        this.client = client;
        this.conformance = conformance;
    }

    /** This client, checking its exchanges against the document the HTTP adapter serves. */
    public static ConformingHttpClient of(HttpClient client) {
        return new ConformingHttpClient(client, OpenApiConformance.ofTheDocument());
    }

    /** A builder of such clients, for code that builds its own (the generated Java client does). */
    public static HttpClient.Builder builder(HttpClient.Builder builder) {
        return new Builder(builder);
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        return send(request, handler, Intent.AS_DOCUMENTED);
    }

    /** Sends a request the document does not allow, on purpose, and checks its answer only. */
    public <T> HttpResponse<T> sendDeliberatelyInvalid(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        return send(request, handler, Intent.DELIBERATELY_INVALID);
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, Intent intent)
            throws IOException, InterruptedException {
        try {
            return client.send(request, checked(request, handler, intent));
        } catch (IOException e) {
            if (e.getCause() instanceof AssertionError departure) {
                throw departure;
            }
            throw e;
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return client.sendAsync(request, checked(request, handler, Intent.AS_DOCUMENTED));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromises) {
        return client.sendAsync(request, checked(request, handler, Intent.AS_DOCUMENTED), pushPromises);
    }

    /** Checks the request at once, and gives the handler that checks its answer. */
    private <T> HttpResponse.BodyHandler<T> checked(HttpRequest request, HttpResponse.BodyHandler<T> handler, Intent intent) {
        Sent sent = new Sent(request.method(), target(request), request.headers().map(), body(request), intent);
        conformance.checkRequest(sent);
        return answer -> new Copying<>(handler.apply(answer),
                body -> conformance.checkAnswer(sent, new Received(answer.statusCode(), answer.headers().map(), body)));
    }

    private static String target(HttpRequest request) {
        String query = request.uri().getRawQuery();
        return request.uri().getRawPath() + (query == null ? "" : "?" + query);
    }

    /** The bytes the request's body publisher produces; it is subscribed to again when the request is sent. */
    private static byte[] body(HttpRequest request) {
        Optional<HttpRequest.BodyPublisher> publisher = request.bodyPublisher();
        if (publisher.isEmpty() || publisher.get().contentLength() == 0) {
            return new byte[0];
        }
        HttpResponse.BodySubscriber<byte[]> bytes = HttpResponse.BodySubscribers.ofByteArray();
        publisher.get().subscribe(new Flow.Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                bytes.onSubscribe(subscription);
            }

            @Override
            public void onNext(ByteBuffer item) {
                bytes.onNext(List.of(item));
            }

            @Override
            public void onError(Throwable failure) {
                bytes.onError(failure);
            }

            @Override
            public void onComplete() {
                bytes.onComplete();
            }
        });
        try {
            return bytes.getBody().toCompletableFuture().get(BODY_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the request body could not be read for its check", e);
        }
    }

    /** Hands the body on as it arrives, and checks a copy of it once whole, before the caller sees its end. */
    private static final class Copying<T> implements HttpResponse.BodySubscriber<T> {
        private final HttpResponse.BodySubscriber<T> caller;
        private final Consumer<byte[]> check;
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

        Copying(HttpResponse.BodySubscriber<T> caller, Consumer<byte[]> check) {
            this.caller = caller;
            this.check = check;
        }

        @Override
        public CompletionStage<T> getBody() {
            return caller.getBody();
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            caller.onSubscribe(subscription);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                ByteBuffer view = item.duplicate();
                byte[] bytes = new byte[view.remaining()];
                view.get(bytes);
                copy.writeBytes(bytes);
            }
            caller.onNext(items);
        }

        @Override
        public void onError(Throwable failure) {
            caller.onError(failure);
        }

        @Override
        public void onComplete() {
            try {
                check.accept(copy.toByteArray());
            } catch (AssertionError departure) {
                caller.onError(departure);
                return;
            }
            caller.onComplete();
        }
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return client.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return client.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return client.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return client.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return client.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return client.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return client.authenticator();
    }

    @Override
    public Version version() {
        return client.version();
    }

    @Override
    public Optional<Executor> executor() {
        return client.executor();
    }

    private static final class Builder implements HttpClient.Builder {
        private final HttpClient.Builder builder;

        Builder(HttpClient.Builder builder) {
            this.builder = builder;
        }

        @Override
        public HttpClient.Builder cookieHandler(CookieHandler cookieHandler) {
            builder.cookieHandler(cookieHandler);
            return this;
        }

        @Override
        public HttpClient.Builder connectTimeout(Duration duration) {
            builder.connectTimeout(duration);
            return this;
        }

        @Override
        public HttpClient.Builder sslContext(SSLContext sslContext) {
            builder.sslContext(sslContext);
            return this;
        }

        @Override
        public HttpClient.Builder sslParameters(SSLParameters sslParameters) {
            builder.sslParameters(sslParameters);
            return this;
        }

        @Override
        public HttpClient.Builder executor(Executor executor) {
            builder.executor(executor);
            return this;
        }

        @Override
        public HttpClient.Builder followRedirects(Redirect policy) {
            builder.followRedirects(policy);
            return this;
        }

        @Override
        public HttpClient.Builder version(Version version) {
            builder.version(version);
            return this;
        }

        @Override
        public HttpClient.Builder priority(int priority) {
            builder.priority(priority);
            return this;
        }

        @Override
        public HttpClient.Builder proxy(ProxySelector proxySelector) {
            builder.proxy(proxySelector);
            return this;
        }

        @Override
        public HttpClient.Builder authenticator(Authenticator authenticator) {
            builder.authenticator(authenticator);
            return this;
        }

        @Override
        public HttpClient build() {
            return ConformingHttpClient.of(builder.build());
        }
    }
}
