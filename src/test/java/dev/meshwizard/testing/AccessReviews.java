package dev.meshwizard.testing;

import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributes;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatusBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The simulated API's authorizer: every access review is allowed unless a test denied creating the resource, and
 * every review asked is remembered, so a test can check the verb and namespace a client asked about.
 */
final class AccessReviews {

    static final String PATH = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";

    private final Set<String> deniedAccess = ConcurrentHashMap.newKeySet();
    private final List<AskedAccess> asked = new CopyOnWriteArrayList<>();

    /**
     * Answers a SelfSubjectAccessReview as an authorizer would: allowed, unless {@link #denyAccess} named the
     * resource. The CRUD mock would instead store the review and answer without a status.
     */
    MockResponse answer(RecordedRequest request) {
        SelfSubjectAccessReview review = Serialization.unmarshal(request.getUtf8Body(), SelfSubjectAccessReview.class);
        ResourceAttributes attributes = review.getSpec() == null ? null : review.getSpec().getResourceAttributes();
        String resource = attributes == null ? "" : groupResource(attributes.getGroup(), attributes.getResource());
        if (attributes != null) {
            asked.add(new AskedAccess(text(attributes.getVerb()), text(attributes.getGroup()),
                    text(attributes.getResource()), text(attributes.getNamespace())));
        }
        boolean allowed = attributes == null || !"create".equals(attributes.getVerb())
                || !deniedAccess.contains(resource);
        review.setStatus(new SubjectAccessReviewStatusBuilder().withAllowed(allowed).withDenied(!allowed)
                .withReason(allowed ? "the simulated API allows everything it was not told to deny"
                        : "denied by the simulated API as told")
                .build());
        return new MockResponse().setResponseCode(201).setHeader("Content-Type", "application/json")
                .setBody(Serialization.asJson(review));
    }

    /** Makes access reviews for creating {@code resource} in {@code group} ("" for core) answer "denied". */
    void denyAccess(String group, String resource) {
        deniedAccess.add(groupResource(group, resource));
    }

    /** The reviews answered so far, in order. */
    List<AskedAccess> asked() {
        return List.copyOf(asked);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String groupResource(String group, String resource) {
        return (group == null ? "" : group) + "/" + resource;
    }

}
