package io.attendance.application.reading;

import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.domain.model.Sequenced;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageTest {

    private static String after(String last) {
        return "after " + last;
    }

    @Test
    void aPageFetchedExactlyFullIsTheLastOne() {
        Page<String> page = Page.of(List.of("a", "b", "c"), 3, PageTest::after);

        assertThat(page.items()).containsExactly("a", "b", "c");
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    void theOneItemFetchedBeyondTheLimitIsNotShownItOnlySaysAnotherPageFollows() {
        Page<String> page = Page.of(List.of("a", "b", "c", "d"), 3, PageTest::after);

        assertThat(page.items()).containsExactly("a", "b", "c");
        assertThat(page.nextCursor()).contains("after c");
    }

    @Test
    void aShortPageIsTheLastOne() {
        assertThat(Page.of(List.of("a"), 3, PageTest::after)).isEqualTo(new Page<>(List.of("a"), Optional.empty()));
        assertThat(Page.of(List.<String>of(), 3, PageTest::after).items()).isEmpty();
    }

    @Test
    void aPageOfAuditEventsContinuesAfterTheSequenceNumberOfTheLastShown() {
        List<Sequenced<String>> fetched = List.of(new Sequenced<>(4, "created"), new Sequenced<>(9, "updated"),
                new Sequenced<>(12, "deleted"));

        Page<String> page = Page.ofSequenced(fetched, 2, last -> "after " + last);
        Page<String> full = Page.ofSequenced(fetched, 3, last -> "after " + last);

        assertThat(page.items()).containsExactly("created", "updated");
        assertThat(page.nextCursor()).contains("after 9");
        assertThat(full.items()).containsExactly("created", "updated", "deleted");
        assertThat(full.nextCursor()).isEmpty();
    }
}
