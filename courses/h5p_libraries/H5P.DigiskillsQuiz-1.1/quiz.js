/* H5P.DigiskillsQuiz 1.1: a single-choice quiz that reports its score by xAPI.
 *
 * Text parameters arrive HTML-escaped (plain text) or reduced to their allowed
 * tags (intro), as H5P core and the Digiskills server filter them, so they are
 * inserted as HTML like in every H5P content type. */
/* global H5P */
H5P.DigiskillsQuiz = (function (EventDispatcher) {
  'use strict';

  var DEFAULTS = {
    check: 'Check',
    next: 'Next question',
    finish: 'See my score',
    retry: 'Try again',
    correct: 'Correct!',
    incorrect: 'Not quite.',
    chooseFirst: 'Choose an answer first.',
    progress: 'Question :num of :total',
    score: 'You scored :num out of :total.',
    passed: 'Well done: you passed.',
    failed: 'Not yet: read the lesson again and retry.'
  };
  var counter = 0;

  function element(tag, className, html) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (html !== undefined) {
      node.innerHTML = html;
    }
    return node;
  }

  function fill(template, num, total) {
    return template.replace(':num', String(num)).replace(':total', String(total));
  }

  function correctIndex(question) {
    for (var i = 0; i < question.answers.length; i++) {
      if (question.answers[i].correct) {
        return i;
      }
    }
    return -1;
  }

  function DigiskillsQuiz(params, contentId, extras) {
    EventDispatcher.call(this);
    params = params || {};
    this.params = params;
    this.contentId = contentId;
    this.questions = (params.questions || []).filter(function (question) {
      return question && question.answers && question.answers.length >= 2;
    });
    this.l10n = {};
    for (var key in DEFAULTS) {
      if (Object.prototype.hasOwnProperty.call(DEFAULTS, key)) {
        this.l10n[key] = (params.l10n && params.l10n[key]) || DEFAULTS[key];
      }
    }
    this.passPercentage = typeof params.passPercentage === 'number' ? params.passPercentage : 60;
    this.uid = 'h5p-dsq-' + (++counter);
    this.restore((extras && extras.previousState) || {});
  }

  DigiskillsQuiz.prototype = Object.create(EventDispatcher.prototype);
  DigiskillsQuiz.prototype.constructor = DigiskillsQuiz;

  /* The saved state is the learner's own input: accept only what fits. */
  DigiskillsQuiz.prototype.restore = function (state) {
    var total = this.questions.length;
    this.answers = [];
    this.checked = [];
    for (var i = 0; i < total; i++) {
      var answer = state.answers && state.answers[i];
      var valid = typeof answer === 'number' && answer >= 0 && answer < this.questions[i].answers.length;
      this.answers.push(valid ? answer : null);
      this.checked.push(valid && !!(state.checked && state.checked[i]));
    }
    var index = typeof state.index === 'number' ? Math.floor(state.index) : 0;
    this.index = Math.min(Math.max(index, 0), Math.max(total - 1, 0));
    this.finished = !!state.finished && this.checked.every(Boolean);
  };

  DigiskillsQuiz.prototype.attach = function ($container) {
    this.root = $container && $container.get ? $container.get(0) : $container;
    this.root.classList.add('h5p-digiskills-quiz');
    this.render();
  };

  DigiskillsQuiz.prototype.render = function () {
    this.root.innerHTML = '';
    if (this.params.intro) {
      this.root.appendChild(element('div', 'h5p-dsq-intro', this.params.intro));
    }
    if (this.finished) {
      this.renderResult();
    } else if (this.questions.length) {
      this.renderQuestion();
    }
    this.trigger('resize');
  };

  DigiskillsQuiz.prototype.renderQuestion = function () {
    var self = this;
    var question = this.questions[this.index];
    var total = this.questions.length;
    var form = element('form', 'h5p-dsq-question');
    form.setAttribute('novalidate', '');
    var fieldset = element('fieldset');
    var legend = element('legend');
    legend.appendChild(element('span', 'h5p-dsq-progress', fill(this.l10n.progress, this.index + 1, total)));
    legend.appendChild(element('span', 'h5p-dsq-text', question.text));
    fieldset.appendChild(legend);
    if (question.image && question.image.path) {
      var image = element('img', 'h5p-dsq-image');
      image.src = H5P.getPath(question.image.path, this.contentId);
      image.alt = question.imageAlt ? element('span', null, question.imageAlt).textContent : '';
      fieldset.appendChild(image);
    }
    var list = element('div', 'h5p-dsq-answers');
    question.answers.forEach(function (answer, i) {
      var id = self.uid + '-' + self.index + '-' + i;
      var option = element('div', 'h5p-dsq-answer');
      var input = element('input');
      input.type = 'radio';
      input.name = self.uid + '-' + self.index;
      input.id = id;
      input.value = String(i);
      input.checked = self.answers[self.index] === i;
      input.disabled = self.checked[self.index];
      input.addEventListener('change', function () {
        self.answers[self.index] = i;
        self.triggerXAPI('interacted');
      });
      var label = element('label', null, answer.text);
      label.htmlFor = id;
      option.appendChild(input);
      option.appendChild(label);
      list.appendChild(option);
    });
    fieldset.appendChild(list);
    form.appendChild(fieldset);

    var feedback = element('div', 'h5p-dsq-feedback');
    feedback.setAttribute('role', 'status');
    feedback.setAttribute('aria-live', 'polite');
    form.appendChild(feedback);

    var button = element('button', 'h5p-dsq-button');
    button.type = 'submit';
    form.appendChild(button);

    var showResult = function () {
      var chosen = self.answers[self.index];
      var right = chosen === correctIndex(question);
      feedback.innerHTML = '';
      feedback.className = 'h5p-dsq-feedback ' + (right ? 'h5p-dsq-right' : 'h5p-dsq-wrong');
      feedback.appendChild(element('strong', null, right ? self.l10n.correct : self.l10n.incorrect));
      var extra = question.answers[chosen].feedback;
      if (extra) {
        feedback.appendChild(element('span', null, ' ' + extra));
      }
      list.querySelectorAll('input').forEach(function (input) {
        input.disabled = true;
      });
      var last = self.index === total - 1;
      button.textContent = last ? self.l10n.finish : self.l10n.next;
    };

    button.textContent = this.l10n.check;
    if (this.checked[this.index]) {
      showResult();
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (!self.checked[self.index]) {
        if (self.answers[self.index] === null) {
          feedback.className = 'h5p-dsq-feedback h5p-dsq-wrong';
          feedback.textContent = element('span', null, self.l10n.chooseFirst).textContent;
          return;
        }
        self.checked[self.index] = true;
        showResult();
        button.focus();
        return;
      }
      if (self.index < total - 1) {
        self.index += 1;
        self.render();
        self.focusFirst();
      } else {
        self.finish();
      }
    });
    this.root.appendChild(form);
  };

  DigiskillsQuiz.prototype.focusFirst = function () {
    var input = this.root.querySelector('input');
    if (input) {
      input.focus();
    }
  };

  DigiskillsQuiz.prototype.finish = function () {
    this.finished = true;
    this.render();
    var score = this.getScore();
    var max = this.getMaxScore();
    var success = this.passed();
    this.triggerXAPIScored(score, max, 'answered', true, success);
    this.triggerXAPIScored(score, max, 'completed', true, success);
    var heading = this.root.querySelector('.h5p-dsq-result');
    if (heading) {
      heading.focus();
    }
  };

  DigiskillsQuiz.prototype.renderResult = function () {
    var self = this;
    var result = element('div', 'h5p-dsq-result');
    result.setAttribute('tabindex', '-1');
    result.setAttribute('role', 'status');
    result.appendChild(element('p', 'h5p-dsq-score', fill(this.l10n.score, this.getScore(), this.getMaxScore())));
    result.appendChild(element('p', null, this.passed() ? this.l10n.passed : this.l10n.failed));
    var retry = element('button', 'h5p-dsq-button');
    retry.type = 'button';
    retry.innerHTML = this.l10n.retry;
    retry.addEventListener('click', function () {
      self.resetTask();
      self.focusFirst();
    });
    result.appendChild(retry);
    this.root.appendChild(result);
  };

  DigiskillsQuiz.prototype.passed = function () {
    var max = this.getMaxScore();
    return max > 0 && (this.getScore() * 100) / max >= this.passPercentage;
  };

  /* The question-type contract that H5P containers and players call. */
  DigiskillsQuiz.prototype.getScore = function () {
    var self = this;
    return this.questions.reduce(function (sum, question, i) {
      return sum + (self.checked[i] && self.answers[i] === correctIndex(question) ? 1 : 0);
    }, 0);
  };

  DigiskillsQuiz.prototype.getMaxScore = function () {
    return this.questions.length;
  };

  DigiskillsQuiz.prototype.getAnswerGiven = function () {
    return this.checked.some(Boolean);
  };

  DigiskillsQuiz.prototype.resetTask = function () {
    this.restore({});
    this.render();
  };

  DigiskillsQuiz.prototype.showSolutions = function () {
    var self = this;
    this.questions.forEach(function (question, i) {
      self.answers[i] = correctIndex(question);
      self.checked[i] = true;
    });
    this.render();
  };

  DigiskillsQuiz.prototype.getCurrentState = function () {
    return {
      answers: this.answers.slice(),
      checked: this.checked.slice(),
      index: this.index,
      finished: this.finished
    };
  };

  return DigiskillsQuiz;
})(H5P.EventDispatcher);
