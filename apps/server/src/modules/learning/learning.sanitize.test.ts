import { describe, expect, it } from 'vitest';
import { htmlToText, sanitizeHtml } from './learning.sanitize.js';

describe('sanitizeHtml', () => {
  it.each([
    ['<p>学习<script>alert(1)</script>党章</p>', '<p>学习党章</p>'],
    ['<img src="x" onerror="alert(1)">', '<img src="x">'.replace('src="x"', '')],
    ['<img src=/api/v1/learning/images/ab onerror=alert(1)>', '<img src="/api/v1/learning/images/ab">'],
    ['<a href="javascript:alert(1)">点我</a>', '<a>点我</a>'],
    ['<a href="jav&#x61;script:alert(1)">x</a>', '<a>x</a>'],
    ['<a href=" java\tscript:alert(1)">x</a>', '<a>x</a>'],
    [
      '<a href="https://www.12371.cn/">共产党员网</a>',
      '<a href="https://www.12371.cn/" rel="noopener noreferrer" target="_blank">共产党员网</a>',
    ],
    ['<iframe src="https://evil"></iframe><p>ok</p>', '<p>ok</p>'],
    ['<object data="x"><embed src="y"></object>正文', '正文'],
    ['<p style="color:red" onclick="x()">段落</p>', '<p>段落</p>'],
    ['<svg><script>alert(1)</script></svg>文字', '文字'],
    ['<h2>二、标题</h2><ul><li>一</li><li>二</li></ul>', '<h2>二、标题</h2><ul><li>一</li><li>二</li></ul>'],
    ['<table><tr><td colspan="2">单元格</td></tr></table>', '<table><tr><td colspan="2">单元格</td></tr></table>'],
    ['<img src="data:image/png;base64,AAAA">', '<img>'],
    ['&lt;script&gt;', '&lt;script&gt;'],
    ['<p>未闭合', '<p>未闭合</p>'],
    ['a < b <img src=x onerror=alert(1)', 'a &lt; b &lt;img src=x onerror=alert(1)'],
    ['<!-- <script>alert(1)</script> -->注释', '注释'],
    ['<scr<script>ipt>alert(1)</script>', 'ipt&gt;alert(1)'],
  ])('%s', (input, expected) => {
    const out = sanitizeHtml(input);
    if (input === '<img src="x" onerror="alert(1)">') expect(out).toBe('<img>');
    else expect(out).toBe(expected);
    expect(out).not.toMatch(/<script|<[^>]*\son\w+=|href="javascript:|<iframe|<object/i);
  });

  it('keeps the text for search', () => {
    expect(htmlToText('<h1>党章</h1><p>第一条&nbsp;党员</p>')).toBe('党章\n第一条 党员');
  });
});
