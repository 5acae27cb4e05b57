package dev.podium.talks.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValidatorsTest {

    @Test
    void webUrlsAreAbsoluteHttpUrlsWithAHost() {
        assertThat(Validators.isWebUrl("https://arxiv.org/abs/1802.03676")).isTrue();
        assertThat(Validators.isWebUrl("http://bit.ly/rdai-courses-2019")).isTrue();
        assertThat(Validators.isWebUrl("HTTPS://GitHub.com/mdda")).isTrue();
        assertThat(Validators.isWebUrl("https://redcatlabs.com/2019-02-26_TFandDL_NeurIPS/#/3/2")).isTrue();
        assertThat(Validators.isWebUrl("www.example.org")).isFalse();
        assertThat(Validators.isWebUrl("ftp://example.org/file")).isFalse();
        assertThat(Validators.isWebUrl("javascript:alert(1)")).isFalse();
        assertThat(Validators.isWebUrl("https://")).isFalse();
        assertThat(Validators.isWebUrl("https://example.org/a b")).isFalse();
        assertThat(Validators.isWebUrl(" https://example.org")).isFalse();
        assertThat(Validators.isWebUrl("https://example.org/" + "x".repeat(2000))).isFalse();
    }
}
