package dev.meshwizard.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwizard.testing.BookinfoPages;
import org.junit.jupiter.api.Test;

class ReviewsVersionTest {

    @Test
    void theStarsColourTellsTheVersion() {
        assertThat(ReviewsVersion.detect(BookinfoPages.V1)).isEqualTo(ReviewsVersion.V1);
        assertThat(ReviewsVersion.detect(BookinfoPages.V2)).isEqualTo(ReviewsVersion.V2);
        assertThat(ReviewsVersion.detect(BookinfoPages.V3)).isEqualTo(ReviewsVersion.V3);
    }

    @Test
    void aPageWhoseReviewsFailedSaysSo() {
        String page = "<html><h4 class=\"text-center text-primary\">Error fetching product reviews!</h4>"
                + "<p>Sorry, product reviews are currently unavailable for this book.</p></html>";

        assertThat(ReviewsVersion.detect(page)).isEqualTo(ReviewsVersion.UNAVAILABLE);
    }

    @Test
    void anythingElseIsNotAProductPage() {
        assertThat(ReviewsVersion.detect("no healthy upstream")).isEqualTo(ReviewsVersion.UNKNOWN);
        assertThat(ReviewsVersion.detect("")).isEqualTo(ReviewsVersion.UNKNOWN);
        assertThat(ReviewsVersion.detect(null)).isEqualTo(ReviewsVersion.UNKNOWN);
    }
}
