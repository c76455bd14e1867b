/**
 * Vietnamese function syllables: they carry grammar, not topic, so they are left out of the
 * term vectors that measure how close two sentences (or a sentence and the title) are.
 * Lower case, canonical tone placement (see `canonical` in ../vi/text).
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'à ạ ai anh bao bị bởi cả các cái cần cho chỉ chiếc chứ chưa có cô còn của cùng cũng đã đang đây để ' +
    'đến đều điều do đó được gì hay hơn hết họ khi không là lại lên làm mà mình mới một muốn này nào nay ' +
    'nên nếu ngay nhiều như nhưng những nơi nữa ở ông phải qua ra rằng rất rồi sau sẽ so sự tại theo thì ' +
    'trên trong từ tới vào vẫn về vì với vừa xuống thế thấy nhất nhau vậy đi bằng giữa cách sao chúng tôi ' +
    'ta bạn em chị bà hoặc việc lúc tuy'
  ).split(' '),
)
