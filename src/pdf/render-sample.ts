/**
 * Renders a realistic sample license to docs/img/license-sample.pdf and its first page to
 * docs/img/license-sample-page1.png (needs `pdftoppm`, Debian package poppler-utils).
 *
 *   npm run docs:sample-license        (builds, then runs dist/src/pdf/render-sample.js)
 *
 * The data is fictitious; the organisation, names and addresses are made up.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LicensePdfData } from './pdf.types';
import { PdfService, sha256Hex } from './pdf.service';

export function sampleLicenseData(): LicensePdfData {
  return {
    authority: {
      parentBody: 'UBND TỈNH NGHỆ AN',
      name: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
      nameInText: 'Sở Thông tin và Truyền thông tỉnh Nghệ An',
      placeName: 'Nghệ An',
      signerTitle: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC',
      signerName: 'Hoàng Văn Minh',
      functionBasis:
        'Căn cứ Quyết định số 15/2025/QĐ-UBND ngày 20 tháng 02 năm 2025 của Ủy ban nhân dân tỉnh Nghệ An quy định ' +
        'chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Thông tin và Truyền thông tỉnh Nghệ An;',
      proposingUnit: 'Trưởng phòng Thông tin - Báo chí - Xuất bản',
      recipients: [
        'Như Điều 1;',
        'Bộ Văn hóa, Thể thao và Du lịch (Cục Phát thanh, truyền hình và Thông tin điện tử) (để b/c);',
        'UBND tỉnh (để b/c);',
        'Công an tỉnh (PA05);',
        'Lưu: VT, TTBCXB.',
      ],
    },
    number: '44/GP-STTTT',
    version: 1,
    kind: 'NEW',
    signedOn: '2026-03-05',
    issuedOn: '2026-03-05',
    expiresOn: '2031-03-04',
    applicationReference: 'hồ sơ số HS-2026-000123 tiếp nhận ngày 16 tháng 02 năm 2026',
    licensee: {
      name: 'Công ty Cổ phần Truyền thông Xứ Nghệ',
      headOffice: 'Số 25, đường Lê Hồng Phong, phường Thành Vinh, tỉnh Nghệ An',
      phone: '0238 3 844 556',
      email: 'lienhe@xunghe.vn',
      registrationNumber: '2901234567 do Sở Tài chính tỉnh Nghệ An cấp lần đầu ngày 12 tháng 8 năm 2019',
      legalRepresentative: 'Phan Đức Thắng, Giám đốc',
    },
    site: {
      name: 'Xứ Nghệ Online',
      domains: ['xunghe.vn', 'xunghe.com.vn', 'xứnghệ.vn'],
      contentScope:
        'Tổng hợp, đăng tải lại nguyên văn, chính xác thông tin về chính trị, kinh tế, văn hóa, xã hội, giáo dục, ' +
        'y tế, khoa học - công nghệ, du lịch và thể thao trong nước và quốc tế từ các nguồn tin chính thức nêu tại ' +
        'khoản 5 Điều này; ưu tiên thông tin về tình hình phát triển kinh tế - xã hội, văn hóa, lịch sử, danh lam ' +
        'thắng cảnh và con người xứ Nghệ. Không đăng tải thông tin thuộc danh mục bí mật nhà nước, không tự sản xuất ' +
        'tin, bài và không mở chức năng bình luận đối với các tin, bài trích dẫn.',
      sections: ['Thời sự', 'Kinh tế', 'Văn hóa - Du lịch', 'Giáo dục', 'Y tế', 'Thể thao', 'Xứ Nghệ quê mình'],
      informationSources: [
        'Báo Nhân Dân điện tử (nhandan.vn)',
        'Báo điện tử Chính phủ (baochinhphu.vn)',
        'Báo điện tử Đảng Cộng sản Việt Nam (dangcongsan.vn)',
        'Thông tấn xã Việt Nam - Báo điện tử VietnamPlus (vietnamplus.vn)',
        'Báo Quân đội nhân dân điện tử (qdnd.vn)',
        'Báo Công an nhân dân điện tử (cand.com.vn)',
        'Báo và Phát thanh, Truyền hình Nghệ An (baonghean.vn)',
        'Cổng thông tin điện tử tỉnh Nghệ An (nghean.gov.vn)',
        'Báo Tuổi Trẻ điện tử (tuoitre.vn)',
        'Báo Thanh Niên điện tử (thanhnien.vn)',
        'Báo điện tử Dân trí (dantri.com.vn)',
        'Báo điện tử VnExpress (vnexpress.net)',
      ],
      serverLocation:
        'Trung tâm dữ liệu Viettel IDC, Khu công nghệ cao Hòa Lạc, xã Hòa Lạc, thành phố Hà Nội (địa chỉ IP: 103.57.210.14)',
      contentManager: {
        fullName: 'Nguyễn Thị Thu Hà',
        position: 'Phó Giám đốc Công ty Cổ phần Truyền thông Xứ Nghệ',
        phone: '0912 345 678',
        email: 'thuha@xunghe.vn',
      },
    },
    verificationUrl: 'https://tracuu-giayphep.nghean.example.vn/xac-thuc/44-GP-STTTT?ma=7K3M-Q9PX',
    verificationCode: '7K3M-Q9PX',
  };
}

function projectRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + __dirname);
    dir = parent;
  }
  return dir;
}

async function main(): Promise<void> {
  const outDir = path.join(projectRoot(), 'docs', 'img');
  fs.mkdirSync(outDir, { recursive: true });
  const pdfFile = path.join(outDir, 'license-sample.pdf');
  const pngBase = path.join(outDir, 'license-sample-page1');

  const service = new PdfService();
  const started = process.hrtime.bigint();
  const pdf = await service.renderLicense(sampleLicenseData());
  const firstMs = Number(process.hrtime.bigint() - started) / 1e6;
  fs.writeFileSync(pdfFile, pdf);
  console.log(`${pdfFile}: ${pdf.length} bytes, sha256 ${sha256Hex(pdf)}, first render ${firstMs.toFixed(1)} ms`);

  try {
    execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', pdfFile, pngBase], {
      stdio: 'inherit',
    });
    console.log(`${pngBase}.png written`);
  } catch (err) {
    console.error(`pdftoppm failed (install poppler-utils): ${(err as Error).message}`);
    process.exitCode = 1;
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
