import { markup } from '../html';
import { T } from '../labels';
import { layout } from './layout';

const TITLES: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ',
  404: 'Không tìm thấy trang',
  429: 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút',
  503: 'Hệ thống đang bận, vui lòng thử lại sau ít phút',
};

/** An error as a page for a browser (a client asking for JSON gets the problem document instead). */
export function errorPage(status: number, requestId?: string): string {
  const title = TITLES[status] ?? (status >= 500 ? 'Đã có lỗi xảy ra' : 'Yêu cầu không thực hiện được');
  const body = markup`<div class="wrap">
<h1>${title}</h1>
<p>Mã lỗi ${status}${requestId ? markup` · mã yêu cầu <code>${requestId}</code>` : ''}.</p>
<p><a href="/registry">${T.backToRegistry}</a></p>
</div>`;
  return layout({ title, body, noindex: true });
}
