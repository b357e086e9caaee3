package io.attendance.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeedPositionTest {

    @Test
    void aPositionIsReadBackFromItsText() {
        for (FeedPosition position : List.of(FeedPosition.START, new FeedPosition(7, 3),
                new FeedPosition(Long.MAX_VALUE, Long.MAX_VALUE))) {
            assertThat(FeedPosition.parse(position.text())).isEqualTo(position);
        }
        assertThat(new FeedPosition(12, 0).text()).isEqualTo("12:0");
    }

    @Test
    void textThatIsNoPositionIsRefused() {
        for (String text : List.of("", "12", ":3", "12:", "a:b", "-1:0", "1:-2", "1:2:3", "99999999999999999999:0")) {
            assertThatThrownBy(() -> FeedPosition.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void positionsAreOrderedByTransactionThenEvent() {
        assertThat(new FeedPosition(1, 5)).isLessThan(new FeedPosition(2, 0));
        assertThat(new FeedPosition(2, 0)).isLessThan(new FeedPosition(2, 1));
        assertThat(new FeedPosition(2, 0).atLeast(new FeedPosition(1, 9))).isEqualTo(new FeedPosition(2, 0));
    }
}
