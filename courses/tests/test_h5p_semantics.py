"""Parameters against semantics as H5P core does it, proven on fourteen real
h5p.org exports and on real mutations of them: what core cleans is cleaned,
what cannot be valid is refused with the path of the problem."""

import copy
import dataclasses
import functools
import io
import json
import zipfile
from pathlib import Path

import pytest

from courses.h5p.errors import PackageRefused
from courses.h5p.semantics import (
    LibraryInfo,
    content_dependencies,
    semantics_check,
    validate_parameters,
)

EXPORTS = Path(__file__).parent / "h5p_exports"
NAMES = sorted(path.stem for path in EXPORTS.glob("*.h5p"))


@functools.cache
def _export(name: str) -> tuple[dict, dict, dict]:
    """h5p.json, content.json and the export's libraries (a dict lookup by
    machine name, major, minor), read straight from the zip."""
    with zipfile.ZipFile(EXPORTS / f"{name}.h5p") as archive:
        names = set(archive.namelist())
        libraries = {}
        for entry in sorted(names):
            top, _, rest = entry.partition("/")
            if rest != "library.json":
                continue
            metadata = json.loads(archive.read(entry))
            semantics_name = f"{top}/semantics.json"
            semantics = json.loads(archive.read(semantics_name)) if semantics_name in names else []
            info = LibraryInfo(
                metadata["machineName"],
                metadata["majorVersion"],
                metadata["minorVersion"],
                metadata["patchVersion"],
                metadata,
                semantics,
            )
            libraries[info.key] = info
        h5p_json = json.loads(archive.read("h5p.json"))
        content = json.loads(archive.read("content/content.json"))
    return h5p_json, content, libraries


def export(name: str) -> tuple[dict, dict, dict]:
    h5p_json, content, libraries = _export(name)
    return copy.deepcopy(h5p_json), copy.deepcopy(content), dict(libraries)


def main_library(h5p_json: dict, libraries: dict) -> LibraryInfo:
    (main,) = [item for key, item in libraries.items() if key[0] == h5p_json["mainLibrary"]]
    return main


def check(name: str, parameters: dict, libraries: dict | None = None):
    h5p_json, _, exported = export(name)
    libraries = exported if libraries is None else libraries
    return validate_parameters(
        library=main_library(h5p_json, exported), parameters=parameters, libraries=libraries
    )


def refused(name: str, parameters: dict, libraries: dict | None = None) -> PackageRefused:
    with pytest.raises(PackageRefused) as error:
        check(name, parameters, libraries)
    return error.value


# --- the fourteen real exports --------------------------------------------------


def test_there_are_fourteen_exports():
    assert len(NAMES) == 14


@pytest.mark.parametrize("name", NAMES)
def test_a_real_export_is_valid_and_keeps_its_content(name):
    h5p_json, content, libraries = export(name)

    checked = check(name, content)
    needed = content_dependencies(metadata=h5p_json, libraries=libraries, used=checked.libraries)

    # Exports went through core's own validator: nothing left to clean.
    assert checked.parameters == content
    assert main_library(h5p_json, libraries) in needed
    assert len({item.label for item in needed}) == len(needed)


def test_the_cleaned_multichoice_keeps_question_answers_and_image():
    _, content, _ = export("H5P.MultiChoice")

    checked = check("H5P.MultiChoice", content)

    cleaned = checked.parameters
    assert cleaned["question"] == "<p>What color does the blackcurrant berry actually have?</p>\n"
    assert [answer["correct"] for answer in cleaned["answers"]] == [True, False, False]
    assert cleaned["media"]["type"]["library"] == "H5P.Image 1.1"
    assert cleaned["media"]["type"]["params"]["alt"] == "Blackcurrants"
    assert checked.media == ["images/file-5885c23902f31.jpg"]
    assert ("H5P.Image", 1, 1) in checked.libraries


def test_the_cleaned_question_set_keeps_its_sub_contents():
    _, content, _ = export("H5P.QuestionSet")

    cleaned = check("H5P.QuestionSet", content).parameters

    questions = cleaned["questions"]
    assert len(questions) == len(content["questions"]) > 1
    assert {question["library"] for question in questions} >= {"H5P.MultiChoice 1.14"}
    assert all(question["subContentId"] for question in questions)
    assert all(question["params"] for question in questions)


def test_interactive_video_names_its_outside_video_file():
    _, content, _ = export("H5P.InteractiveVideo")

    checked = check("H5P.InteractiveVideo", content)

    assert checked.external == ["https://h5p.org/sites/default/files/h5p/iv.mp4"]
    assert checked.media == []


def test_every_library_semantics_of_the_exports_passes_the_check():
    checked = set()
    for name in NAMES:
        _, _, libraries = export(name)
        for library in libraries.values():
            semantics_check(library.semantics, name=library.label)
            checked.add(library.label)

    assert "H5P.DragQuestion 1.13" in checked
    assert len(checked) > 60


@pytest.mark.parametrize(
    "semantics",
    [
        {"name": "text", "type": "text"},
        [{"name": "text"}],
        [{"name": "text", "type": "script"}],
        [{"type": "text"}],
        [{"name": "group", "type": "group", "fields": {"a": 1}}],
        [{"name": "list", "type": "list"}],
        [{"name": "library", "type": "library", "options": [5]}],
    ],
    ids=["object", "no type", "unknown type", "no name", "fields", "list item", "options"],
)
def test_a_semantics_document_that_cannot_be_walked_is_refused(semantics):
    with pytest.raises(PackageRefused) as error:
        semantics_check(semantics, name="H5P.Broken-1.0/library.json")

    assert error.value.code == "library_json_invalid"


# --- refusals ---------------------------------------------------------------------


def test_a_number_where_text_is_expected_is_refused():
    _, content, _ = export("H5P.MultiChoice")
    content["question"] = 42

    error = refused("H5P.MultiChoice", content)

    assert error.code == "parameters_invalid"
    assert error.params["path"] == "$.question"
    assert error.params["library"] == "H5P.MultiChoice 1.14"


def test_text_where_a_number_is_expected_is_refused():
    _, content, _ = export("H5P.MultiChoice")
    content["behaviour"]["passPercentage"] = "all"

    assert refused("H5P.MultiChoice", content).params["path"] == "$.behaviour.passPercentage"


def test_text_where_a_boolean_is_expected_is_refused():
    _, content, _ = export("H5P.MultiChoice")
    content["answers"][1]["correct"] = "yes"

    assert refused("H5P.MultiChoice", content).params["path"] == "$.answers[1].correct"


def test_a_sub_content_library_not_in_the_options_is_refused():
    _, content, _ = export("H5P.MultiChoice")
    content["media"]["type"]["library"] = "H5P.Audio 1.4"

    error = refused("H5P.MultiChoice", content)

    assert error.code == "parameters_invalid"
    assert error.params["path"] == "$.media.type.library"


def test_a_sub_content_library_allowed_but_not_installed_is_refused():
    _, content, libraries = export("H5P.MultiChoice")
    del libraries[("H5P.Image", 1, 1)]

    error = refused("H5P.MultiChoice", content, libraries)

    assert error.code == "unknown_library"
    assert error.params["library"] == "H5P.Image 1.1"


def test_a_select_value_not_among_the_options_is_refused():
    _, content, _ = export("H5P.MultiChoice")
    content["behaviour"]["type"] = "sometimes"

    assert refused("H5P.MultiChoice", content).params["path"] == "$.behaviour.type"


def test_a_nested_sub_content_is_checked_against_its_own_semantics():
    _, content, _ = export("H5P.QuestionSet")
    content["questions"][0]["params"]["question"] = {"html": "<p>?</p>"}

    error = refused("H5P.QuestionSet", content)

    assert error.params["path"] == "$.questions[0].params.question"


def test_a_list_exactly_at_its_max_passes_and_one_more_is_refused():
    _, content, _ = export("H5P.Blanks")  # questions: max 31
    content["questions"] = [f"<p>Berry *{index}*</p>" for index in range(31)]

    assert len(check("H5P.Blanks", content).parameters["questions"]) == 31

    content["questions"].append("<p>One *too* many</p>")
    error = refused("H5P.Blanks", content)
    assert error.code == "parameters_invalid"
    assert error.params["path"] == "$.questions"


def test_a_list_under_its_min_is_refused_at_min_it_passes():
    _, content, _ = export("H5P.SingleChoiceSet")  # answers: min 2, max 4
    answers = content["choices"][0]["answers"]
    content["choices"][0]["answers"] = answers[:2]

    assert check("H5P.SingleChoiceSet", content).parameters["choices"][0]["answers"] == answers[:2]

    content["choices"][0]["answers"] = answers[:1]
    assert refused("H5P.SingleChoiceSet", content).params["path"] == "$.choices[0].answers"


def test_a_number_at_its_bounds_is_kept_and_outside_them_is_brought_back_as_core_does():
    _, content, _ = export("H5P.MultiChoice")  # passPercentage: min 0, max 100, step 1
    for value, expected in ((0, 0), (100, 100), (101, 100), (-1, 0), ("55", 55)):
        content["behaviour"]["passPercentage"] = value
        cleaned = check("H5P.MultiChoice", content).parameters
        assert cleaned["behaviour"]["passPercentage"] == expected


def test_the_refusal_counts_every_problem_and_names_the_first():
    _, content, _ = export("H5P.MultiChoice")
    content["question"] = ["not", "text"]
    content["answers"][2]["correct"] = 1
    content["behaviour"]["type"] = "never"

    error = refused("H5P.MultiChoice", content)

    assert error.params["count"] == 3
    assert error.params["path"] == "$.answers[2].correct"  # the first in the document


def test_text_is_cut_at_its_max_length_never_inside_an_entity():
    _, content, _ = export("H5P.TrueFalse")  # feedbackOnCorrect: maxLength 2048
    content["behaviour"]["feedbackOnCorrect"] = "x" * 2048
    assert check("H5P.TrueFalse", content).parameters["behaviour"]["feedbackOnCorrect"] == (
        "x" * 2048
    )

    content["behaviour"]["feedbackOnCorrect"] = "x" * 2045 + "<b>"
    cut = check("H5P.TrueFalse", content).parameters["behaviour"]["feedbackOnCorrect"]
    assert cut == "x" * 2045  # "&lt;" would not fit whole: left out


# --- cleaning -----------------------------------------------------------------------


def test_a_script_in_a_text_field_is_stripped():
    _, content, _ = export("H5P.MultiChoice")
    content["question"] = "<p>Which berry?<script>alert(1)</script></p>"

    cleaned = check("H5P.MultiChoice", content).parameters

    assert cleaned["question"] == "<p>Which berry?alert(1)</p>"


def test_an_event_handler_attribute_is_dropped():
    _, content, _ = export("H5P.MultiChoice")
    content["question"] = '<p onclick="steal()" onmouseover=x()>Which <em>berry</em>?</p>'

    cleaned = check("H5P.MultiChoice", content).parameters

    assert cleaned["question"] == "<p>Which <em>berry</em>?</p>"


def test_a_javascript_link_loses_its_href_a_web_link_keeps_it():
    _, content, _ = export("H5P.MultiChoice")  # tip allows <a>
    feedback = content["answers"][0]["tipsAndFeedback"]
    feedback["tip"] = (
        '<a href="javascript:alert(1)">x</a> <a href=" JaVa&#x09;script:alert(1)">y</a> '
        '<a href="https://example.org/a?b=1&amp;c=2" target="_blank">z</a> '
        '<a href="mailto:a@example.org" target="evil">m</a>'
    )

    cleaned = check("H5P.MultiChoice", content).parameters

    assert cleaned["answers"][0]["tipsAndFeedback"]["tip"] == (
        '<a>x</a> <a>y</a> <a href="https://example.org/a?b=1&amp;c=2" target="_blank">z</a> '
        '<a href="mailto:a@example.org">m</a>'
    )


def test_a_tag_the_field_does_not_allow_is_stripped_and_derived_tags_are_kept():
    _, content, _ = export("H5P.MultiChoice")  # question: strong, em, sub, sup, h2, h3, ...
    content["question"] = "<h1>Big</h1><h2>Title</h2><u>u</u><div>core's default</div>"

    cleaned = check("H5P.MultiChoice", content).parameters

    assert cleaned["question"] == "Big<h2>Title</h2>u<div>core's default</div>"


def test_style_keeps_only_what_the_field_font_options_allow():
    _, content, _ = export("H5P.Accordion")  # panels hold H5P.AdvancedText: size, color, ...
    panel = content["panels"][0]["content"]["params"]
    panel["text"] = (
        '<p style="text-align: center"><span style="color:#757575; position: fixed; '
        'font-size: 2em; background-image: url(https://evil.example/x)">a</span>'
        '<em style="color: red">b</em></p>'
    )

    cleaned = check("H5P.Accordion", content).parameters

    assert cleaned["panels"][0]["content"]["params"]["text"] == (
        '<p style="text-align: center;"><span style="color:#757575;font-size: 2em;">a</span>'
        "<em>b</em></p>"
    )


def test_a_tag_that_runs_code_is_stripped_even_if_semantics_list_it():
    _, content, libraries = export("H5P.MultiChoice")
    key = ("H5P.MultiChoice", 1, 14)
    semantics = copy.deepcopy(libraries[key].semantics)
    question = next(field for field in semantics if field["name"] == "question")
    question["tags"] = [*question["tags"], "script", "iframe"]
    libraries[key] = dataclasses.replace(libraries[key], semantics=semantics)
    content["question"] = '<p>Q</p><iframe src="https://evil.example"></iframe><script>x()</script>'

    cleaned = validate_parameters(
        library=libraries[key], parameters=content, libraries=libraries
    ).parameters

    assert cleaned["question"] == "<p>Q</p>x()"


def test_plain_text_is_escaped_once():
    _, content, _ = export("H5P.MultiChoice")  # UI texts have no tags
    content["UI"]["checkAnswerButton"] = '<b>Check</b> & "go" &amp; it\'s'

    cleaned = check("H5P.MultiChoice", content).parameters

    assert cleaned["UI"]["checkAnswerButton"] == (
        "&lt;b&gt;Check&lt;/b&gt; &amp; &quot;go&quot; &amp; it&#039;s"
    )


def test_unknown_keys_are_dropped_and_a_bad_sub_content_id_too():
    _, content, _ = export("H5P.MultiChoice")
    content["behaviour"]["evil"] = "<script>"
    content["media"]["type"]["subContentId"] = "not-a-uuid"
    content["media"]["type"]["onload"] = "x()"
    content["media"]["type"]["metadata"]["title"] = "<b>Picked</b>"

    cleaned = check("H5P.MultiChoice", content).parameters

    assert "evil" not in cleaned["behaviour"]
    assert set(cleaned["media"]["type"]) == {"library", "params", "metadata"}
    assert cleaned["media"]["type"]["metadata"]["title"] == "&lt;b&gt;Picked&lt;/b&gt;"


def test_a_regexp_refuses_text_that_does_not_match_as_core_does():
    _, content, libraries = export("H5P.MultiChoice")
    key = ("H5P.MultiChoice", 1, 14)
    semantics = copy.deepcopy(libraries[key].semantics)
    ui = next(field for field in semantics if field["name"] == "UI")
    label = next(field for field in ui["fields"] if field["name"] == "tryAgainButton")
    label["regexp"] = {"pattern": "^[a-z ]+$", "modifiers": "i"}  # tryAgainButton is optional
    libraries[key] = dataclasses.replace(libraries[key], semantics=semantics)

    def run(value: str):
        content["UI"]["tryAgainButton"] = value
        return validate_parameters(library=libraries[key], parameters=content, libraries=libraries)

    assert run("Try Again").parameters["UI"]["tryAgainButton"] == "Try Again"
    assert run("").parameters["UI"]["tryAgainButton"] == ""  # optional and empty
    with pytest.raises(PackageRefused) as error:
        run("Retry!")
    assert error.value.params["path"] == "$.UI.tryAgainButton"


def test_an_image_keeps_its_known_keys_only_and_its_size_as_numbers():
    _, content, _ = export("H5P.MultiChoice")
    image = content["media"]["type"]["params"]["file"]
    image.update(width="1588", onload="x()", copyright={"license": "U", "html": "<b>"})

    cleaned = check("H5P.MultiChoice", content).parameters["media"]["type"]["params"]["file"]

    assert cleaned == {
        "path": "images/file-5885c23902f31.jpg",
        "mime": "image/jpeg",
        "width": 1588,
        "height": 458,
        "copyright": {"license": "U"},
    }
    image["height"] = "tall"
    assert refused("H5P.MultiChoice", content).params["path"] == ("$.media.type.params.file.height")


def test_a_multiple_select_without_options_keeps_its_values_and_refuses_an_object():
    _, content, _ = export("H5P.DragQuestion")  # elements[].dropZones: multiple, no options
    element = content["question"]["task"]["elements"][0]
    assert element["dropZones"] == ["0"]

    cleaned = check("H5P.DragQuestion", content).parameters
    assert cleaned["question"]["task"]["elements"][0]["dropZones"] == ["0"]

    element["dropZones"] = [{"zone": 0}]
    assert refused("H5P.DragQuestion", content).params["path"] == (
        "$.question.task.elements[0].dropZones[0]"
    )


# --- one-field groups -----------------------------------------------------------------


def test_a_one_field_group_stored_flattened_passes_as_core_stores_it():
    _, content, _ = export("H5P.MultiChoice")

    cleaned = check("H5P.MultiChoice", content).parameters

    assert isinstance(content["overallFeedback"], list)
    assert len(content["overallFeedback"]) == 3
    assert cleaned["overallFeedback"] == content["overallFeedback"]


def test_a_one_field_group_stored_wrapped_is_unwrapped_to_core_form():
    _, content, _ = export("H5P.MultiChoice")
    content["overallFeedback"] = {"overallFeedback": [{"from": 0, "to": 100, "feedback": "Ok"}]}

    cleaned = check("H5P.MultiChoice", content).parameters

    assert cleaned["overallFeedback"] == [{"from": 0, "to": 100, "feedback": "Ok"}]


def test_a_one_field_text_group_in_a_list_is_taken_both_ways():
    _, content, _ = export("H5P.Summary")  # summaries[].tip: a group of one text
    content["summaries"][1]["tip"] = {"tip": "Think blue"}

    cleaned = check("H5P.Summary", content).parameters

    assert cleaned["summaries"][0]["tip"] == "Blueberries are used in blueberry jam"
    assert cleaned["summaries"][1]["tip"] == "Think blue"


def test_a_one_field_group_of_the_wrong_type_is_refused():
    _, content, _ = export("H5P.MultiChoice")
    content["overallFeedback"] = {"feedback": [{"from": 0, "to": 100}]}

    assert refused("H5P.MultiChoice", content).params["path"] == "$.overallFeedback"


# --- media ------------------------------------------------------------------------------


def test_a_path_with_dot_dot_is_refused():
    _, content, _ = export("H5P.MultiChoice")
    content["media"]["type"]["params"]["file"]["path"] = "images/../../../etc/passwd"

    error = refused("H5P.MultiChoice", content)

    assert error.code == "media_path_unsafe"


def test_an_image_on_another_site_is_refused():
    _, content, _ = export("H5P.MultiChoice")
    content["media"]["type"]["params"]["file"]["path"] = "https://evil.example/x.jpg"

    assert refused("H5P.MultiChoice", content).code == "media_path_unsafe"


def _video(content: dict, path: str, mime: str = "video/mp4") -> dict:
    content["interactiveVideo"]["video"]["files"] = [{"path": path, "mime": mime}]
    return content


@pytest.mark.parametrize(
    ("url", "mime"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "video/YouTube"),
        ("https://youtu.be/dQw4w9WgXcQ", "video/mp4"),
        ("https://player.vimeo.com/video/76979871", "video/mp4"),
        ("https://videos.example.org/watch/page.html", "video/mp4"),
    ],
    ids=["youtube", "youtu.be", "vimeo", "a web page"],
)
def test_a_hosted_player_link_is_refused_with_its_own_reason(url, mime):
    _, content, _ = export("H5P.InteractiveVideo")

    error = refused("H5P.InteractiveVideo", _video(content, url, mime))

    assert error.code == "external_player"
    assert "upload the video file" in error.message


def test_an_http_video_is_refused():
    _, content, _ = export("H5P.InteractiveVideo")

    error = refused("H5P.InteractiveVideo", _video(content, "http://example.org/iv.mp4"))

    assert error.code == "media_not_https"


def test_an_https_mp4_in_a_video_field_is_accepted():
    _, content, _ = export("H5P.InteractiveVideo")
    url = "https://media.example.org/lessons/passwords.mp4"

    checked = check("H5P.InteractiveVideo", _video(content, url))

    assert checked.external == [url]
    assert checked.parameters["interactiveVideo"]["video"]["files"][0]["path"] == url


# --- dependencies ---------------------------------------------------------------------


def test_dependencies_follow_string_versions_and_each_library_comes_after_its_own():
    h5p_json, content, libraries = export("H5P.MultiChoice")
    assert h5p_json["preloadedDependencies"][0]["majorVersion"] == "1"
    checked = check("H5P.MultiChoice", content)

    needed = content_dependencies(metadata=h5p_json, libraries=libraries, used=checked.libraries)

    labels = [item.label for item in needed]
    assert labels.index("H5P.Question 1.4") < labels.index("H5P.MultiChoice 1.14")
    assert labels.index("H5P.JoubelUI 1.3") < labels.index("H5P.Question 1.4")
    assert "H5P.Image 1.1" in labels


def test_a_library_named_only_in_the_parameters_is_needed_too():
    h5p_json, content, libraries = export("H5P.MultiChoice")
    h5p_json["preloadedDependencies"] = [
        item for item in h5p_json["preloadedDependencies"] if item["machineName"] != "H5P.Image"
    ]
    checked = check("H5P.MultiChoice", content)

    needed = content_dependencies(metadata=h5p_json, libraries=libraries, used=checked.libraries)

    assert "H5P.Image 1.1" in [item.label for item in needed]
    assert content_dependencies(metadata=h5p_json, libraries=libraries, used=()) != needed


def test_a_missing_dependency_is_refused_with_its_name():
    h5p_json, _, libraries = export("H5P.MultiChoice")
    del libraries[("H5P.JoubelUI", 1, 3)]

    with pytest.raises(PackageRefused) as error:
        content_dependencies(metadata=h5p_json, libraries=libraries)

    assert error.value.code == "unknown_library"
    assert error.value.params["library"] == "H5P.JoubelUI 1.3"


def test_two_versions_of_one_library_at_once_are_refused():
    h5p_json, _, libraries = export("H5P.MultiChoice")
    h5p_json["preloadedDependencies"].append(
        {"machineName": "H5P.JoubelUI", "majorVersion": 1, "minorVersion": 2}
    )

    with pytest.raises(PackageRefused) as error:
        content_dependencies(metadata=h5p_json, libraries=libraries)

    assert error.value.code == "dependency_conflict"
    assert error.value.params["library"] == "H5P.JoubelUI"


# --- through validate_package, with the libraries installed ---------------------------------


def _with_content(name: str, content: dict, h5p_json: dict | None = None) -> io.BytesIO:
    output = io.BytesIO()
    with (
        zipfile.ZipFile(EXPORTS / f"{name}.h5p") as source,
        zipfile.ZipFile(output, "w") as target,
    ):
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "content/content.json":
                data = json.dumps(content).encode()
            if info.filename == "h5p.json" and h5p_json is not None:
                data = json.dumps(h5p_json).encode()
            target.writestr(info, data)
    output.seek(0)
    return output


@pytest.fixture
def installed(db, settings, tmp_path):
    from courses.h5p.library_store import library_install

    settings.MEDIA_ROOT = tmp_path / "media"

    def install(name: str) -> None:
        library_install(source=EXPORTS / f"{name}.h5p", installed_by=None)

    return install


@pytest.mark.django_db
def test_a_real_export_passes_validate_package_once_its_libraries_are_installed(installed):
    from courses.h5p.validation import validate_package

    installed("H5P.MultiChoice")
    _, content, _ = export("H5P.MultiChoice")

    package = validate_package(_with_content("H5P.MultiChoice", content))

    assert package.parameters == content
    assert str(package.main_library.machine_name) == "H5P.MultiChoice"
    assert "H5P.Image" in {library.machine_name for library in package.libraries}
    assert [media.path for media in package.media] == ["images/file-5885c23902f31.jpg"]


@pytest.mark.django_db
def test_a_relative_path_not_in_content_is_refused(installed):
    from courses.h5p.validation import validate_package

    installed("H5P.MultiChoice")
    _, content, _ = export("H5P.MultiChoice")
    content["media"]["type"]["params"]["file"]["path"] = "images/not-in-the-package.jpg"

    with pytest.raises(PackageRefused) as error:
        validate_package(_with_content("H5P.MultiChoice", content))

    assert error.value.code == "missing_media"


@pytest.mark.django_db
def test_an_outside_mp4_passes_validate_package_and_a_youtube_link_does_not(installed):
    from courses.h5p.validation import validate_package

    installed("H5P.InteractiveVideo")
    _, content, _ = export("H5P.InteractiveVideo")

    package = validate_package(_with_content("H5P.InteractiveVideo", content))

    assert package.parameters == content
    assert package.media == []
    assert "H5P.Video" in {library.machine_name for library in package.libraries}

    youtube = _video(content, "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "video/YouTube")
    with pytest.raises(PackageRefused) as error:
        validate_package(_with_content("H5P.InteractiveVideo", youtube))
    assert error.value.code == "external_player"


@pytest.mark.django_db
def test_an_export_naming_an_uninstalled_or_unplayable_library_is_refused(installed):
    from courses.h5p.validation import validate_package

    installed("H5P.MultiChoice")
    h5p_json, content, _ = export("H5P.MultiChoice")
    unknown = copy.deepcopy(h5p_json)
    unknown["preloadedDependencies"].append(
        {"machineName": "H5P.Nowhere", "majorVersion": "2", "minorVersion": "0"}
    )
    not_runnable = {**h5p_json, "mainLibrary": "H5P.Question"}

    with pytest.raises(PackageRefused) as error:
        validate_package(_with_content("H5P.MultiChoice", content, unknown))
    assert error.value.code == "unknown_library"
    assert error.value.params == {"library": "H5P.Nowhere 2.0"}

    with pytest.raises(PackageRefused) as error:
        validate_package(_with_content("H5P.MultiChoice", content, not_runnable))
    assert error.value.code == "main_not_runnable"
