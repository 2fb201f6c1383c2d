package ru.paragraf.sferum.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.awaitility.core.ConditionFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The steps of the seed flow as a person clicks them, shared by the browser tests: the preparatory stage (the
 * hand-down document, «База ссылок», the exchange task, the teacher's VK ID) and the everyday flow (the journal's
 * subject chat, a video lesson published, the links in the journal and in the pupil's diary). Each step checks
 * what the page must show after it and takes a screenshot named {@code <prefix>-<step>}.
 */
public final class BrowserSteps {

    static final String SFERUM_SYNC_TITLE = "Сервис выгрузки данных в Электронный дневник портала Петербургское "
            + "образование - Синхронизация чатов и ВКС с платформой VK Сферум";

    /** What the Demo page hands down for a school: its community's credentials and its first teacher's accounts. */
    public record HandDown(
            String communityId,
            String token,
            String teacherName,
            String teacherLogin,
            String vkLogin,
            String vkUserId,
            String vkPassword) {}

    /** The links a published video lesson brings: the chat's invitation and the call's. */
    public record Links(String invite, String join) {}

    private final Browser browser;
    private final String prefix;

    public BrowserSteps(Browser browser, String prefix) {
        this.browser = browser;
        this.prefix = prefix;
    }

    /** Reads school {@code school}'s hand-down from the Demo page. */
    public HandDown handDown(int school) {
        browser.open("/demo");
        var community = "#demo-community-" + school;
        var featured = browser.waitFor(By.cssSelector("#demo-vk-accounts-" + school + " .demo-vk-account"));
        var handDown = new HandDown(
                browser.text(By.cssSelector(community + " .demo-community-id")),
                browser.text(By.cssSelector(community + " .demo-community-token")),
                cell(featured, 1),
                cell(featured, 2),
                cell(featured, 3),
                cell(featured, 4),
                browser.text(By.cssSelector("#demo-vk-accounts-" + school + " .demo-vk-password")));
        scrollTo(By.id("demo-community-" + school));
        shot("demo-hand-down");
        return handDown;
    }

    /** The school admin enters the community's id and token in «База ссылок», reached from «Готовность». */
    public void enterCommunity(HandDown handDown) {
        browser.click(By.id("nav-readiness"));
        scrollTo(By.id("open-linkbase"));
        browser.click(By.id("open-linkbase"));
        assertThat(browser.text(By.id("tab-linkbase"))).isEqualTo("База ссылок");
        browser.type(By.id("communityId"), handDown.communityId());
        browser.type(By.id("token"), handDown.token());
        browser.driver().findElement(By.id("token")).sendKeys(Keys.ENTER);
        assertThat(browser.text(By.id("community-state"))).isEqualTo("проверено ✓");
        assertThat(browser.driver().getPageSource()).doesNotContain(handDown.token());
        shot("linkbase-verified");
    }

    /** The school admin adds the SFERUM_SYNC exchange task, which is on once added. */
    public void addSyncTask() {
        browser.click(By.id("nav-exchange"));
        var types = new Select(browser.waitFor(By.id("task-type")));
        assertThat(types.getOptions()).extracting(WebElement::getText).containsExactly(SFERUM_SYNC_TITLE);
        shot("exchange-add-task");
        types.selectByVisibleText(SFERUM_SYNC_TITLE);
        browser.click(By.id("add-task-submit"));
        assertThat(browser.text(By.id("notice"))).startsWith("Задача добавлена.");
        assertThat(browser.driver().findElement(By.id("enabled")).isSelected()).isTrue();
        shot("exchange-task");
    }

    /** The teacher links a VK ID from the diary's «Чаты» through VK ID's login page. */
    public void linkVkId(HandDown handDown) {
        browser.click(By.id("nav-diary"));
        browser.click(By.id("diary-nav-chats"));
        assertThat(browser.currentPath()).isEqualTo("/diary/chats");
        assertThat(browser.text(By.id("vkid-not-linked"))).startsWith("VK ID не привязан");
        shot("diary-chats");
        browser.click(By.id("vkid-link"));
        browser.waitFor(By.id("vkid-login-form"));
        assertThat(browser.title()).isEqualTo("Вход — VK ID");
        browser.type(By.id("login"), handDown.vkLogin()).type(By.id("password"), handDown.vkPassword());
        shot("vk-id-login");
        browser.click(By.id("submit"));
        assertThat(browser.text(By.id("vkid-status"))).isEqualTo("VK ID привязан");
        assertThat(browser.text(By.id("vkid-user-id"))).isEqualTo(handDown.vkUserId());
        shot("diary-linked");
    }

    /** On a general-education journal's page: «Чат по предмету» on. */
    public void switchSubjectChatOn() {
        assertThat(browser.text(By.id("subject-chat-state"))).isEqualTo("не запрошен");
        browser.click(By.id("subject-chat-switch"));
        eventually(Duration.ofSeconds(10))
                .until(() -> browser.text(By.id("subject-chat-state")).startsWith("запрошен"));
        assertThat(browser.waitFor(By.id("subject-chat-switch")).isSelected()).isTrue();
        shot("subject-chat-requested");
    }

    /** «Назначить видеозвонок» on the lesson's row. */
    public void holdByVideo(UUID lesson) {
        // a row low on a long journal is below the window's fold, where the click would hit the page's footer
        browser.driver()
                .executeScript(
                        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})",
                        browser.waitFor(By.cssSelector(row(lesson, ""))));
        browser.click(By.cssSelector(row(lesson, " .lesson-video-call")));
        eventually(Duration.ofSeconds(10)).until(() -> browser.text(By.cssSelector(row(lesson, " .lesson-format")))
                .equals("Видеозвонок"));
        assertThat(browser.text(By.cssSelector(row(lesson, " .lesson-publication"))))
                .isEqualTo("Не опубликован");
        shot("video-call-assigned");
    }

    /**
     * «Опубликовать» on the lesson's row; then, without a reload, the chat card shows the created chat with its
     * invitation and the row the call's link, and both stop polling.
     */
    public Links publishAndAwaitTheLinks(UUID lesson) {
        // a page load would drop this mark: the chat and the call must arrive without one
        browser.driver().executeScript("window.notReloaded = true");
        browser.click(By.cssSelector(row(lesson, " .lesson-publication-action")));
        eventually(Duration.ofSeconds(10)).until(() -> browser.text(By.cssSelector(row(lesson, " .lesson-publication")))
                .equals("Опубликован"));
        shot("lesson-published");
        eventually(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> browser.text(By.id("subject-chat-state")).equals("создан")
                        && !browser.driver()
                                .findElements(By.id("subject-chat-invite-link"))
                                .isEmpty()
                        && !browser.driver()
                                .findElements(By.cssSelector(row(lesson, " .lesson-call-link")))
                                .isEmpty());
        assertThat(browser.driver().executeScript("return window.notReloaded === true"))
                .as("the chat card and the lesson row updated themselves, without a reload")
                .isEqualTo(true);
        assertThat(browser.driver().findElement(By.id("subject-chat")).getAttribute("hx-trigger"))
                .as("the card polls no more once the chat and its link are there")
                .isEqualTo("lesson-changed from:body");
        assertThat(browser.driver().findElement(By.cssSelector(row(lesson, ""))).getAttribute("hx-trigger"))
                .as("nor does the row once the call is ready")
                .isNull();
        assertThat(browser.text(By.cssSelector(row(lesson, " .lesson-call"))))
                .contains("готов", "Присоединиться к звонку");
        var links = new Links(
                browser.waitFor(By.id("subject-chat-invite-link")).getAttribute("href"),
                browser.waitFor(By.cssSelector(row(lesson, " .lesson-call-link")))
                        .getAttribute("href"));
        shot("journal-chat-created-and-call-link");
        return links;
    }

    /** The logged-in pupil's diary shows the lesson with its call link, and «Чаты» the chat with its invitation. */
    public void pupilFindsBothLinks(UUID lesson, java.time.LocalDate day, UUID journal, String chatTitle, Links links) {
        browser.open("/diary?week=" + day);
        var row = browser.waitFor(By.id("lesson-" + lesson));
        assertThat(row.getText()).contains("Видеозвонок", "готов", "Присоединиться к звонку");
        assertThat(browser.waitFor(By.cssSelector("#lesson-" + lesson + " .diary-call-link"))
                        .getAttribute("href"))
                .isEqualTo(links.join());
        shot("pupil-diary-call-link");
        browser.click(By.id("diary-nav-chats"));
        assertThat(browser.text(By.id("subject-chats"))).contains(chatTitle, "создан", "Вступить в чат");
        assertThat(browser.waitFor(By.cssSelector("#chat-" + journal + " .diary-chat-join"))
                        .getAttribute("href"))
                .isEqualTo(links.invite());
        shot("pupil-diary-chat-invite-link");
    }

    public void logOut() {
        browser.driver().executeScript("window.scrollTo({top: 0, behavior: 'instant'})");
        browser.click(By.id("logout"));
        browser.waitFor(By.id("login-form"));
    }

    /** Scrolls at once, not smoothly as Bootstrap's CSS asks: a click during smooth scrolling hits another element. */
    public void scrollTo(By target) {
        browser.driver()
                .executeScript(
                        "arguments[0].scrollIntoView({block: 'start', behavior: 'instant'})", browser.waitFor(target));
    }

    public void shot(String step) {
        browser.screenshot(prefix + "-" + step);
    }

    /** Waits for the page, which htmx may be swapping meanwhile: an element read just before its swap is re-read. */
    public static ConditionFactory eventually(Duration atMost) {
        return await().atMost(atMost).ignoreException(StaleElementReferenceException.class);
    }

    public static String row(UUID lesson, String inside) {
        return "#lesson-" + lesson + inside;
    }

    private static String cell(WebElement row, int column) {
        return row.findElement(By.xpath("td[" + column + "]")).getText();
    }
}
