package dev.parley.assistant.web;

import dev.parley.assistant.internal.eval.BenchQuestion;
import dev.parley.assistant.internal.eval.BenchReport;
import dev.parley.assistant.internal.eval.QuestionSets;
import dev.parley.identity.AgentPrincipal;
import dev.parley.shared.ApiException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Test the assistant" (admins): paste or upload questions, optionally with the article each should get, run them
 * through the production pipeline and see every decision, the aggregate figures and a threshold for a target
 * precision; save a set to re-run it after knowledge changes and see what got worse.
 */
@Controller
@RequestMapping("/admin/assistant/test")
class TestBenchPage {

    private final QuestionSets sets;

    TestBenchPage(QuestionSets sets) {
        this.sets = sets;
    }

    @GetMapping
    ModelAndView page() {
        return view(null, null, "", 0.95, null, HttpStatus.OK);
    }

    @PostMapping
    ModelAndView run(@RequestParam(defaultValue = "") String questions,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "0.95") double targetPrecision,
            @RequestParam(required = false) String saveAs) {
        try {
            List<BenchQuestion> all = new ArrayList<>();
            if (!questions.isBlank()) {
                all.addAll(BenchQuestion.parse(questions));
            }
            if (file != null && !file.isEmpty()) {
                all.addAll(BenchQuestion.fromFile(file.getOriginalFilename(), file.getBytes()));
            }
            if (all.isEmpty()) {
                throw ApiException.badRequest("Paste at least one question or choose a file");
            }
            String title = null;
            BenchReport report;
            if (saveAs != null && !saveAs.isBlank()) {
                String id = sets.save(saveAs, all);
                report = sets.runSaved(id, targetPrecision);
                title = sets.name(id);
            } else {
                report = sets.run(all, targetPrecision);
            }
            return view(report, title, questions, targetPrecision, null, HttpStatus.OK);
        } catch (ApiException e) {
            return view(null, null, questions, targetPrecision, e.getMessage(), HttpStatus.BAD_REQUEST);
        } catch (IOException e) {
            return view(null, null, questions, targetPrecision, "The file could not be read", HttpStatus.BAD_REQUEST);
        }
    }

    @PostMapping("/sets/run")
    ModelAndView runSaved(@RequestParam String id, @RequestParam(defaultValue = "0.95") double targetPrecision) {
        BenchReport report = sets.runSaved(id, targetPrecision);
        return view(report, sets.name(id), "", targetPrecision, null, HttpStatus.OK);
    }

    /** An unknown test set (or other client mistake) outside the form: a page with its status, not a 500. */
    @org.springframework.web.bind.annotation.ExceptionHandler(ApiException.class)
    ModelAndView problem(ApiException e, @AuthenticationPrincipal AgentPrincipal me) {
        return dev.parley.shared.PageProblems.of(e).addObject("me", me);
    }

    @PostMapping("/sets/delete")
    String delete(@RequestParam String id, RedirectAttributes redirect) {
        String name = sets.name(id);
        sets.delete(id);
        redirect.addFlashAttribute("notice", "Deleted the test set \u201c" + name + "\u201d");
        return "redirect:/admin/assistant/test";
    }

    private ModelAndView view(BenchReport report, String setName, String questions, double targetPrecision,
            String error, HttpStatus status) {
        ModelAndView view = new ModelAndView("assistant/test");
        view.addObject("report", report);
        view.addObject("setName", setName);
        view.addObject("questions", questions);
        view.addObject("targetPrecision", targetPrecision);
        view.addObject("formError", error);
        view.addObject("sets", sets.saved());
        view.setStatus(status);
        return view;
    }
}
