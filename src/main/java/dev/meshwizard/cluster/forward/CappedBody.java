package dev.meshwizard.cluster.forward;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read up to a cap: after {@code cap} bytes the rest is not read (the subscription is cancelled,
 * which closes the connection) and the body is what came so far. Keeps one probe of a page that is unexpectedly
 * huge, or endless, from filling memory.
 */
final class CappedBody implements HttpResponse.BodySubscriber<CappedBody.Body> {

    /** The text read, and whether the server had more than the cap. */
    record Body(String text, boolean cut) {
    }

    private final int cap;
    private final byte[] bytes;
    private final CompletableFuture<Body> result = new CompletableFuture<>();
    private int length;
    private Flow.Subscription subscription;

    private CappedBody(int cap) {
        this.cap = cap;
        this.bytes = new byte[cap];
    }

    /** A body handler reading at most {@code cap} bytes of each response. */
    static HttpResponse.BodyHandler<Body> handler(int cap) {
        return info -> new CappedBody(cap);
    }

    @Override
    public CompletionStage<Body> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription newSubscription) {
        subscription = newSubscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            int take = Math.min(buffer.remaining(), cap - length);
            buffer.get(bytes, length, take);
            length += take;
            if (buffer.hasRemaining()) {
                subscription.cancel();
                complete(true);
                return;
            }
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        complete(false);
    }

    private void complete(boolean cut) {
        result.complete(new Body(new String(bytes, 0, length, StandardCharsets.UTF_8), cut));
    }
}
