package io.jenkins.plugins.perfgate.engine.stats;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions.LabelRewrite;
import org.junit.jupiter.api.Test;

class LabelRewriteTest {

    private final LabelRewrite pathIds = LabelRewrite.pathIds();

    @Test
    void numericUuidAndHashSegmentsBecomeOneTemplate() {
        assertThat(pathIds.apply("GET /items/123"), is("GET /items/{id}"));
        assertThat(pathIds.apply("GET /items/123/parts/9"), is("GET /items/{id}/parts/{id}"));
        assertThat(pathIds.apply("/users/3f2504e0-4f89-11d3-9a0c-0305e82c3301/orders"), is("/users/{id}/orders"));
        assertThat(pathIds.apply("/blobs/9f8e7d6c5b4a39281706f5e4d3c2b1a0"), is("/blobs/{id}"));
        assertThat(pathIds.apply("/objects/507f1f77bcf86cd799439011?fields=a"), is("/objects/{id}?fields=a"));
        assertThat(pathIds.apply("/items/42.json"), is("/items/{id}.json"));
        assertThat(pathIds.apply("GET /items/42 HTTP/1.1"), is("GET /items/{id} HTTP/1.1"));
    }

    @Test
    void wordsVersionsAndPartialSegmentsStay() {
        assertThat(pathIds.apply("/api/v2/deadbeef/cafebabe"), is("/api/v2/deadbeef/cafebabe"));
        assertThat(pathIds.apply("/page2/item-7"), is("/page2/item-7"));
        assertThat(pathIds.apply("/abc1234"), is("/abc1234"));
        assertThat(pathIds.apply("login 42"), is("login 42"));
        assertThat(pathIds.apply("/search?page=42"), is("/search?page=42"));
    }

    @Test
    void groupsCountsUnderTheTemplateInAnAggregation() {
        AggregationOptions options = AggregationOptions.defaults().withGrouping(java.util.List.of(pathIds));
        assertThat(options.effectiveLabel("GET /items/1"), is(options.effectiveLabel("GET /items/99999")));
    }
}
