#!/usr/bin/env node
// The Llama 3 tokens each lesson adds to the analyzer's system message ("\n- " + the lesson, Prompts.system), counted
// with the emulator's tokenizer (the real Llama 3 one): one lesson a line on stdin, CSV on stdout. It made the decision
// service's test fixture lessons/lesson-tokens.csv, which LessonBoundsTest holds the estimate to:
//   cat LESSONS.txt | node bench/lesson_tokens.cjs > decision-service/src/test/resources/lessons/lesson-tokens.csv
const path = require('path');
const { llama3Tokenizer } = require(path.join(__dirname, '../../shared/ollama-emulator/vendor/llama3-tokenizer.cjs'));
const lines = require('fs').readFileSync(0, 'utf8').split('\n').filter((l) => l.trim());
console.log('# the Llama 3 tokens of "\\n- " + lesson (bench/lesson_tokens.cjs, the emulator\'s tokenizer); lessons never contain a tab');
console.log('tokens\tlesson');
for (const l of lines) {
  console.log(llama3Tokenizer.encode('\n- ' + l, { bos: false, eos: false }).length + '\t' + l);
}
